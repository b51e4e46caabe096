namespace Cerebellum.Rules.BackTesting;

/// <summary>
/// One case of the back-tested range: what was recorded and what the pack under test would have given for the
/// same items. <see cref="Items"/> counts the case's items inside the range (the only ones re-assessed).
/// </summary>
public sealed record BackTestCase(Guid CaseId, string Kind, string Place, int Items, CaseOutcome Recorded, CaseOutcome New)
{
    public bool LevelChanged => Recorded.Level != New.Level;

    public bool CategoryChanged => Recorded.Category != New.Category;

    public bool Changed => !Recorded.SameAs(New);

    /// <summary>Rules that fire under the pack under test but did not in the recorded assessment.</summary>
    public IReadOnlyList<string> RulesAdded => [.. New.FiredRuleIds.Except(Recorded.FiredRuleIds, StringComparer.Ordinal)];

    /// <summary>Rules that fired in the recorded assessment but would not under the pack under test.</summary>
    public IReadOnlyList<string> RulesRemoved => [.. Recorded.FiredRuleIds.Except(New.FiredRuleIds, StringComparer.Ordinal)];
}
