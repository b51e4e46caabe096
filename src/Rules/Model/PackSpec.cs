namespace Cerebellum.Rules.Model;

/// <summary>Everything read from a pack file, before conditions are compiled.</summary>
internal sealed record PackSpec(
    string Id,
    int Version,
    LocalizedText Title,
    PackDefaults Defaults,
    IReadOnlyList<string> Categories,
    IReadOnlyList<RuleSpec> Rules,
    IReadOnlyList<PackTestSpec> Tests);
