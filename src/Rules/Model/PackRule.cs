namespace Cerebellum.Rules;

/// <summary>A rule as written in the pack, for listing and explaining (the compiled form stays inside the pack).</summary>
public sealed record PackRule(string Id, LocalizedText Title, int Priority, IReadOnlyList<string> Conditions, RuleOutcome Outcome);
