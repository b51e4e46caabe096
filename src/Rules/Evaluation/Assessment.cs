namespace Cerebellum.Rules;

/// <summary>
/// The outcome of assessing one case with one pack version. <see cref="FiredRules"/> is ordered by priority
/// (highest first), then by position in the pack, so its first entry is the rule that chose the category.
/// Empty when no rule fired and the pack's defaults apply.
/// </summary>
public sealed record Assessment(
    string PackId,
    int PackVersion,
    RiskLevel Level,
    string Category,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<FiredRule> FiredRules)
{
    public bool UsedDefaults => FiredRules.Count == 0;

    /// <summary>Value equality including the lists (records compare lists by reference), for determinism checks.</summary>
    public bool SameOutcomeAs(Assessment other) =>
        PackId == other.PackId && PackVersion == other.PackVersion && Level == other.Level && Category == other.Category
        && Parties.SequenceEqual(other.Parties) && FiredRules.SequenceEqual(other.FiredRules);
}
