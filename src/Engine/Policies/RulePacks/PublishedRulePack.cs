namespace Cerebellum.Engine.Policies.RulePacks;

/// <summary>An immutable published version of a rule pack: the text as published, who and when. Its id
/// is "{pack}@{version}", so a version can be published once only.</summary>
public sealed record PublishedRulePack(
    string Id, string PackId, int Version, string Yaml, int TestCount, string PublishedBy, DateTimeOffset PublishedAt)
{
    public static string IdFor(string packId, int version) => $"{packId}@{version}";
}

/// <summary>A rule author's work in progress for a pack (one per pack), saved as often as they like.</summary>
public sealed record RulePackDraft(string Id, string Yaml, string SavedBy, DateTimeOffset SavedAt);
