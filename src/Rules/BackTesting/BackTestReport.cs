namespace Cerebellum.Rules.BackTesting;

/// <summary>How many cases went from one level (or category) to another.</summary>
public sealed record Transition(string From, string To, int Cases);

/// <summary>How many cases a rule would newly fire in, and how many it would no longer fire in.</summary>
public sealed record RuleDifference(string RuleId, int NewlyFiring, int NoLongerFiring);

/// <summary>
/// What a pack would have changed over a range of recorded history. <see cref="LevelTransitions"/> covers every
/// examined case (unchanged ones as red → red, so the counts add up to <see cref="CasesExamined"/>);
/// <see cref="CategoryChanges"/> and <see cref="Affected"/> only the cases that would change.
/// <see cref="FactsReproduced"/> of <see cref="FactsCompared"/> items re-built exactly the facts digest recorded
/// with their assessment (a difference means the registry changed since, or history counts moved).
/// </summary>
public sealed record BackTestReport(
    string PackId,
    int PackVersion,
    DateTimeOffset From,
    DateTimeOffset To,
    int ItemsAssessed,
    int CasesExamined,
    int FactsCompared,
    int FactsReproduced,
    IReadOnlyList<Transition> LevelTransitions,
    IReadOnlyList<Transition> CategoryChanges,
    IReadOnlyList<RuleDifference> RuleDifferences,
    IReadOnlyList<BackTestCase> Affected)
{
    public int CasesChanged => Affected.Count;
}
