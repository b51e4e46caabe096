namespace Cerebellum.Rules.Tests.Support;

/// <summary>Short builders for the facts tests use most.</summary>
internal static class Facts
{
    public static AssessmentFacts Signal(string kind, int severity = 3) =>
        AssessmentFacts.Empty with { Trigger = new TriggerFact { Kind = kind, Severity = severity } };

    public static AssessmentFacts At(this AssessmentFacts facts, int hour) =>
        facts with { Clock = new ClockFact { Hour = hour, IsNight = hour >= 22 || hour < 6 } };

    public static AssessmentFacts ElderlyAlone(this AssessmentFacts facts, int age = 82) =>
        facts with { Household = new HouseholdFact { Known = true, Size = 1, ElderlyLivingAlone = true, EldestAge = age } };

    public static IReadOnlyList<string> FiredIds(this Assessment assessment) =>
        assessment.FiredRules.Select(r => r.Id).ToList();
}
