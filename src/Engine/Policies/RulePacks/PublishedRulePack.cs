using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Policies.RulePacks;

/// <summary>An immutable published version of a rule pack: the text as published, who and when. Its id
/// is "{pack}@{version}", so a version can be published once only.</summary>
public sealed record PublishedRulePack(
    [property: Public] string Id, [property: Public] string PackId, [property: Public] int Version, [property: Internal] string Yaml,
    [property: Public] int TestCount, [property: Internal] string PublishedBy, [property: Public] DateTimeOffset PublishedAt)
{
    public static string IdFor(string packId, int version) => $"{packId}@{version}";
}

/// <summary>A rule author's work in progress for a pack (one per pack), saved as often as they like.</summary>
public sealed record RulePackDraft(
    [property: Public] string Id, [property: Internal] string Yaml, [property: Internal] string SavedBy, [property: Public] DateTimeOffset SavedAt);
