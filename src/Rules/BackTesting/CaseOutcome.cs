namespace Cerebellum.Rules.BackTesting;

/// <summary>
/// Where a case stood after a run of items: its level (null before any assessment), category and fired rule ids
/// of the assessment that set the level, and how many of the items' assessments failed (a rule threw).
/// </summary>
public sealed record CaseOutcome(RiskLevel? Level, string Category, IReadOnlyList<string> FiredRuleIds, int Failures = 0)
{
    public static CaseOutcome NotAssessed { get; } = new(null, "", []);

    /// <summary>"red" … "blue", or "none" for a case never assessed.</summary>
    public string LevelName => Level?.Name() ?? "none";

    /// <summary>
    /// The case after one more item assessed by <paramref name="assessment"/>, with the engine's rule
    /// (CaseDecisions): a later item can raise the level but never lower it, and an assessment that does not raise
    /// it leaves the recorded level, category and rules as they were.
    /// </summary>
    public CaseOutcome After(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Level is { } level && assessment.Level <= level
            ? this
            : new CaseOutcome(assessment.Level, assessment.Category, [.. assessment.FiredRules.Select(r => r.Id)], Failures);
    }

    /// <summary>The case after one more item whose assessment failed: the level stays, the failure is counted.</summary>
    public CaseOutcome AfterFailure() => this with { Failures = Failures + 1 };

    public bool SameAs(CaseOutcome other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Level == other.Level && Category == other.Category && (Failures > 0) == (other.Failures > 0)
            && FiredRuleIds.Order(StringComparer.Ordinal).SequenceEqual(other.FiredRuleIds.Order(StringComparer.Ordinal));
    }
}
