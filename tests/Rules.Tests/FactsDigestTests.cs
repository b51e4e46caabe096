namespace Cerebellum.Rules.Tests;

public sealed class FactsDigestTests
{
    private static readonly AssessmentFacts Smoke = AssessmentFacts.Empty with
    {
        Trigger = new TriggerFact { Kind = "smoke", Severity = 4, OccurredAt = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.FromHours(8)) },
        Household = new HouseholdFact { Known = true, Size = 1, ElderlyLivingAlone = true, EldestAge = 82 },
    };

    [Fact]
    public void The_same_facts_give_the_same_digest_and_any_change_gives_another()
    {
        var again = Smoke with { Trigger = Smoke.Trigger with { } };
        again.Digest().ShouldBe(Smoke.Digest());
        (Smoke with { Household = Smoke.Household with { EldestAge = 81 } }).Digest().ShouldNotBe(Smoke.Digest());
        (Smoke with { Clock = Smoke.Clock with { IsNight = true } }).Digest().ShouldNotBe(Smoke.Digest());
        Smoke.Digest().ShouldMatch("^sha256:[0-9a-f]{64}$");
    }
}
