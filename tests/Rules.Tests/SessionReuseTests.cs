using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

/// <summary>
/// Assessments reuse NRules sessions (see CompiledRulePack.Assess). Nothing of one assessment may leak into the
/// next: the outcome of a set of facts must not depend on what was assessed before it, or on a failure before it.
/// </summary>
public class SessionReuseTests
{
    private static readonly string[] Kinds = ["smoke", "gas", "water-leak", "elevator-trapped", "fall-detected", "no-activity", "door-forced", "noise"];

    private static AssessmentFacts Scenario(int i) => AssessmentFacts.Empty with
    {
        Trigger = new TriggerFact { Kind = Kinds[i % Kinds.Length], Severity = i % 6 },
        Case = new CaseFact { ItemCount = 1 + i % 3, SignalCount = i % 3, DistinctDevices = 1 + (i % 3), AgeMinutes = i % 90 },
        Household = new HouseholdFact { Known = i % 5 != 0, ElderlyLivingAlone = i % 4 == 0, HasInfants = i % 7 == 0, CareGroup = i % 3 == 0 },
        History = new HistoryFact { UnitCases7Days = i % 4, UnitCases30Days = i % 5, BuildingCases7Days = i % 9 },
        Clock = new ClockFact { Hour = i % 24, IsNight = i % 24 >= 22 || i % 24 < 6 },
    };

    [Fact]
    public void The_outcome_of_facts_does_not_depend_on_what_was_assessed_before()
    {
        var inputs = Enumerable.Range(0, 400).Select(Scenario).ToArray();
        // Each scenario on a pack that has assessed nothing else (a fresh pack per kind of predecessor would be
        // slow; the first assessment of a fresh pack uses a fresh session).
        var fresh = RulePackLoader.LoadOrThrow(Repo.SamplePackText, "fresh.yaml");
        var forward = inputs.Select(fresh.Assess).ToArray();

        var reused = Repo.SamplePack;
        var backward = inputs.Reverse().Select(reused.Assess).Reverse().ToArray();
        var shuffled = new Assessment[inputs.Length];
        foreach (var i in Enumerable.Range(0, inputs.Length).OrderBy(i => (i * 7919) % inputs.Length)) shuffled[i] = reused.Assess(inputs[i]);

        for (var i = 0; i < inputs.Length; i++)
        {
            backward[i].SameOutcomeAs(forward[i]).ShouldBeTrue($"scenario {i} after its successors");
            shuffled[i].SameOutcomeAs(forward[i]).ShouldBeTrue($"scenario {i} in shuffled order");
        }
        forward.Select(a => string.Join(",", a.FiredRules.Select(r => r.Id))).Distinct().Count().ShouldBeGreaterThan(20);
    }

    [Fact]
    public void A_failed_assessment_leaves_nothing_behind_for_the_next()
    {
        var pack = Packs.Compile(
            Packs.Rule("smoke", "Trigger.Kind == \"smoke\"", level: "orange"),
            Packs.Rule("ratio", "Trigger.Kind == \"leak\" && 10 / (Trigger.Severity - 4) > 1", level: "red"));
        var smoke = AssessmentFacts.Empty with { Trigger = new TriggerFact { Kind = "smoke" } };
        var failing = AssessmentFacts.Empty with { Trigger = new TriggerFact { Kind = "leak", Severity = 4 } };
        var quiet = AssessmentFacts.Empty with { Trigger = new TriggerFact { Kind = "leak", Severity = 2 } }; // 10 / -2 > 1 is false

        pack.Assess(smoke).Level.ShouldBe(RiskLevel.Orange);
        for (var round = 0; round < 3; round++)
        {
            Should.Throw<RuleEvaluationException>(() => pack.Assess(failing)).RuleIds.ShouldBe(["ratio"]);
            var next = pack.Assess(quiet);
            next.FiredRules.ShouldBeEmpty();
            next.Level.ShouldBe(RiskLevel.Blue);
            pack.Assess(smoke).FiredRules.Select(r => r.Id).ShouldBe(["smoke"]);
        }
    }
}
