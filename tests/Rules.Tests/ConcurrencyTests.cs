using System.Collections.Concurrent;
using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

/// <summary>The engine assesses from many threads at once with one shared compiled pack.</summary>
public class ConcurrencyTests
{
    private static readonly string[] Kinds =
        ["smoke", "gas", "water-leak", "elevator-trapped", "fall-detected", "no-activity", "door-forced", "garbage-overflow", "noise", "vibration"];

    [Fact]
    public void Parallel_assessments_match_sequential_ones()
    {
        var pack = Repo.SamplePack;
        var inputs = Enumerable.Range(0, 2000).Select(Scenario).ToArray();
        var sequential = inputs.Select(pack.Assess).ToArray();

        var parallel = new Assessment[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = pack.Assess(inputs[i]));

        for (var i = 0; i < inputs.Length; i++)
        {
            parallel[i].SameOutcomeAs(sequential[i]).ShouldBeTrue($"scenario {i}");
        }

        // The scenarios must actually exercise different outcomes, or this test proves little.
        sequential.Select(a => a.Level).Distinct().Count().ShouldBe(4);
        sequential.Select(a => string.Join(",", a.FiredRules.Select(r => r.Id))).Distinct().Count().ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Loading_packs_concurrently_is_safe()
    {
        var results = new ConcurrentBag<RulePackLoadResult>();

        Parallel.For(0, 8, _ => results.Add(RulePackLoader.Load(Repo.SamplePackText, "community-default.yaml")));

        results.ShouldAllBe(r => r.Succeeded);
        results.Select(r => r.Pack!.Assess(Scenario(7)).Level).Distinct().Count().ShouldBe(1);
    }

    /// <summary>A deterministic spread of triggers, households, clocks and histories.</summary>
    private static AssessmentFacts Scenario(int i) => AssessmentFacts.Empty with
    {
        Trigger = new TriggerFact { Kind = Kinds[i % Kinds.Length], Severity = i % 6 },
        Case = new CaseFact { AgeMinutes = i % 45, DistinctDevices = 1 + (i % 3) },
        Household = new HouseholdFact { Known = true, ElderlyLivingAlone = i % 4 == 0, HasInfants = i % 7 == 0 },
        History = new HistoryFact { UnitCases7Days = i % 4, BuildingCases7Days = i % 9 },
        Clock = new ClockFact { Hour = i % 24, IsNight = i % 24 >= 22 || i % 24 < 6 },
    };
}
