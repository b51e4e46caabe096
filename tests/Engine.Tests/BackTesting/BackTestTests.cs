using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.RulePacks.BackTesting;
using Cerebellum.Engine.Registry;
using Cerebellum.Rules;
using Cerebellum.Rules.BackTesting;
using Cerebellum.Testing;
using Marten;

namespace Cerebellum.Engine.Tests.BackTesting;

/// <summary>A database of its own (the back-test reads every case recorded in its range), recorded once for all tests.</summary>
public sealed class BackTestFixture : EngineFixture
{
    private Task<RecordedRange>? recorded;

    public Task<RecordedRange> RecordedAsync() => recorded ??= RecordedRange.RecordAsync(this);
}

/// <summary>The range's bounds and the cases recorded around it.</summary>
public sealed record RecordedRange(DateTimeOffset From, DateTimeOffset To, Guid Smoke1, Guid Smoke2, Guid GasBefore, Guid Garbage)
{
    private static readonly DateTimeOffset Morning = TestTimes.LastLocal(10);

    public static async Task<RecordedRange> RecordAsync(EngineFixture fixture)
    {
        var year = Morning.Year;
        var smokeDetectors = fixture.Community.Households.Where(h => h.Members.Count >= 2 && h.EldestAge(year) < 50 && !h.CareGroup
                && !h.HasInfants(year) && !h.Members.Any(m => m.Disability))
            .SelectMany(h => fixture.Community.Devices.Where(d => d.Kind == "smoke" && d.UnitId == h.UnitId))
            .DistinctBy(d => d.BuildingId)
            .Take(3)
            .ToList();
        var gas = fixture.Community.Devices.First(d => d.Kind == "gas" && d.BuildingId != smokeDetectors[0].BuildingId);
        var bins = fixture.Community.Devices.First(d => d.Kind == "garbage-overflow");

        // Before the range: a gas alarm whose case gets another item inside the range.
        var gasBefore = await CaseOfAsync(fixture, (await fixture.AcceptAndProcessAsync(Signal(gas, "gas", Morning)))[0]);
        await Task.Delay(300);
        var from = DateTimeOffset.UtcNow;
        await Task.Delay(300);
        var inside = await fixture.AcceptAndProcessAsync(
            Signal(smokeDetectors[0], "smoke", Morning), Signal(smokeDetectors[1], "smoke", Morning.AddMinutes(5)),
            Signal(gas, "gas", Morning.AddMinutes(10)), Signal(bins, "garbage-overflow", Morning.AddMinutes(15)));
        (await CaseOfAsync(fixture, inside[2])).ShouldBe(gasBefore);
        await Task.Delay(300);
        var to = DateTimeOffset.UtcNow;
        await Task.Delay(300);
        // After the range: a new case, and a second item on a case of the range.
        await fixture.AcceptAndProcessAsync(Signal(smokeDetectors[2], "smoke", Morning.AddMinutes(20)),
            Signal(smokeDetectors[0], "smoke", Morning.AddMinutes(25)));
        return new RecordedRange(from, to, await CaseOfAsync(fixture, inside[0]), await CaseOfAsync(fixture, inside[1]), gasBefore,
            await CaseOfAsync(fixture, inside[3]));
    }

    private static SignalSubmission Signal(Device device, string kind, DateTimeOffset at)
    {
        var signal = Signals.Smoke(device.Id, at: at, severity: 3);
        signal.Kind = kind;
        return signal;
    }

    private static async Task<Guid> CaseOfAsync(EngineFixture fixture, Guid signalId)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<SignalRecord>(signalId))!.CaseId!.Value;
    }
}

[CollectionDefinition(nameof(BackTestCollection))]
public sealed class BackTestCollection : ICollectionFixture<BackTestFixture>;

/// <summary>
/// Cases recorded with the sample pack, then back-tested: before the range, inside it, and after it. The draft
/// raises <c>smoke-detected</c> from orange to red, so exactly the daytime smoke alarms of ordinary households
/// inside the range move.
/// </summary>
[Collection(nameof(BackTestCollection))]
public sealed class BackTestTests(BackTestFixture fixture) : IAsyncLifetime
{
    private RecordedRange range = null!;

    public async Task InitializeAsync() => range = await fixture.RecordedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<BackTestReport> BackTestAsync(CompiledRulePack pack) =>
        new RulePackBackTest(fixture.Store, PolicyCatalog.LoadFrom(RepoPaths.Samples).Calendar).RunAsync(pack, range.From, range.To, default);

    [Fact]
    public async Task A_draft_that_raises_one_rule_moves_exactly_the_cases_where_it_fired_and_ignores_items_outside_the_range()
    {
        var report = await BackTestAsync(RulePackLoader.LoadOrThrow(SamplePackWith(raiseSmokeDetectedToRed: true), "draft.yaml"));

        report.PackVersion.ShouldBe(2);
        report.CasesExamined.ShouldBe(4); // two smoke cases, the gas case (its in-range item only) and the bins
        report.ItemsAssessed.ShouldBe(4); // the later item on smoke1 and the smoke case after the range are ignored
        report.Affected.Select(c => c.CaseId).ShouldBe([range.Smoke1, range.Smoke2], ignoreOrder: true);
        foreach (var moved in report.Affected)
        {
            moved.Recorded.Level.ShouldBe(RiskLevel.Orange);
            moved.New.Level.ShouldBe(RiskLevel.Red);
            moved.New.Category.ShouldBe("fire");
            moved.CategoryChanged.ShouldBeFalse();
            moved.New.FiredRuleIds.ShouldBe(["smoke-detected"]);
            moved.RulesAdded.ShouldBeEmpty();
            moved.Items.ShouldBe(1);
        }
        report.LevelTransitions.ShouldContain(new Transition("orange", "red", 2));
        report.LevelTransitions.Sum(t => t.Cases).ShouldBe(4);
        report.LevelTransitions.Where(t => t.From != t.To).Sum(t => t.Cases).ShouldBe(2);
        report.CategoryChanges.ShouldBeEmpty();
        report.RuleDifferences.ShouldBeEmpty();
        report.Affected.ShouldNotContain(c => c.CaseId == range.GasBefore || c.CaseId == range.Garbage);
    }

    [Fact]
    public async Task The_pack_in_force_reproduces_the_recorded_facts_and_changes_nothing()
    {
        var report = await BackTestAsync(RulePackLoader.LoadOrThrow(SamplePackWith(raiseSmokeDetectedToRed: false), "same.yaml"));

        report.Affected.ShouldBeEmpty();
        report.CasesExamined.ShouldBe(4);
        report.LevelTransitions.ShouldAllBe(t => t.From == t.To);
        // Three new cases record an assessment; the gas item inside the range did not raise its case's level.
        report.FactsCompared.ShouldBe(3);
        report.FactsReproduced.ShouldBe(3);
    }

    [Fact]
    public async Task A_category_change_and_a_new_rule_are_counted_per_rule_and_per_category()
    {
        var yaml = SamplePackWith(raiseSmokeDetectedToRed: false).Replace("  - id: garbage-overflow\n", """
              - id: bins-are-hazards
                title: Bins are hazards
                priority: 500
                when: Trigger.Kind == "garbage-overflow"
                then: { level: yellow, category: public-safety, parties: [street], reason: Test }
              - id: garbage-overflow

            """.Replace("\r", ""), StringComparison.Ordinal);
        var report = await BackTestAsync(RulePackLoader.LoadOrThrow(yaml, "bins.yaml"));

        var bins = report.Affected.ShouldHaveSingleItem();
        bins.CaseId.ShouldBe(range.Garbage);
        bins.Recorded.Category.ShouldBe("sanitation");
        bins.New.Category.ShouldBe("public-safety");
        bins.RulesAdded.ShouldBe(["bins-are-hazards"]);
        report.CategoryChanges.ShouldBe([new Transition("sanitation", "public-safety", 1)]);
        report.RuleDifferences.ShouldBe([new RuleDifference("bins-are-hazards", 1, 0)]);
    }

    private static string SamplePackWith(bool raiseSmokeDetectedToRed)
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Samples, "rules", "community-default.yaml")).Replace("\r", "")
            .Replace("\nversion: 1\n", "\nversion: 2\n", StringComparison.Ordinal);
        if (!raiseSmokeDetectedToRed) return yaml;
        var start = yaml.IndexOf("  - id: smoke-detected\n", StringComparison.Ordinal);
        var level = yaml.IndexOf("level: orange", start, StringComparison.Ordinal);
        return string.Concat(yaml.AsSpan(0, level), "level: red", yaml.AsSpan(level + "level: orange".Length));
    }
}
