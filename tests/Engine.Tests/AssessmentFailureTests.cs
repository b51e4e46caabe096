using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Cerebellum.Rules;
using Cerebellum.Testing;
using Marten;

namespace Cerebellum.Engine.Tests;

/// <summary>An engine whose rule pack has a rule that divides by zero for water leaks of severity 4.</summary>
public sealed class BrokenRuleFixture : EngineFixture
{
    public const string Pack = """
        pack: division-test
        version: 3
        title: Division by zero test
        defaults: { level: blue, category: general, parties: [street] }
        categories: [fire, flood, general]
        rules:
          - id: smoke
            title: Smoke
            when: Trigger.Kind == "smoke"
            then: { level: orange, category: fire, parties: [property, street], reason: Smoke }
          - id: leak-ratio
            title: Leak ratio
            when: Trigger.Kind == "water-leak" && 10 / (Trigger.Severity - 4) > 1
            then: { level: orange, category: flood, parties: [property], reason: Leak }
        """;

    protected override PolicyCatalog Policies =>
        PolicyCatalog.LoadFrom(RepoPaths.Samples, RulePackLoader.LoadOrThrow(Pack, "division-test.yaml"));
}

[CollectionDefinition(nameof(BrokenRuleCollection))]
public sealed class BrokenRuleCollection : ICollectionFixture<BrokenRuleFixture>;

[Collection(nameof(BrokenRuleCollection))]
public sealed class AssessmentFailureTests(BrokenRuleFixture fixture)
{
    private static readonly DateTimeOffset WednesdayMorning = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private async Task<(Guid CaseId, List<object> Events, CaseSummary Summary)> CaseOfAsync(Guid signalId)
    {
        await using var session = fixture.Store.QuerySession();
        var caseId = (await session.LoadAsync<SignalRecord>(signalId))!.CaseId!.Value;
        var events = (await session.Events.FetchStreamAsync(caseId)).Select(e => e.Data).ToList();
        return (caseId, events, (await session.LoadAsync<CaseSummary>(caseId))!);
    }

    private static SignalSubmission Leak(string deviceId, int severity)
    {
        var signal = Signals.Smoke(deviceId, at: WednesdayMorning, severity: severity);
        signal.Kind = "water-leak";
        return signal;
    }

    [Fact]
    public async Task A_rule_that_divides_by_zero_still_opens_a_case_for_manual_triage_by_the_street_office()
    {
        var sensor = fixture.Community.Devices.First(d => d.Kind == "water-leak");
        var leak = Leak(sensor.Id, severity: 4);

        var ids = await fixture.AcceptAndProcessAsync(leak);

        var (_, events, summary) = await CaseOfAsync(ids[0]);
        events[0].ShouldBeOfType<CaseOpened>();
        events[1].ShouldBeOfType<SignalAttached>().SignalId.ShouldBe(ids[0]);
        var failed = events[2].ShouldBeOfType<AssessmentFailed>();
        failed.PackId.ShouldBe("division-test");
        failed.PackVersion.ShouldBe(3);
        failed.RuleId.ShouldBe("leak-ratio");
        failed.Message.ShouldContain("divide by zero");
        events.OfType<RiskAssessed>().ShouldBeEmpty();

        var task = events.OfType<TaskAssigned>().ShouldHaveSingleItem();
        task.Party.ShouldBe(Party.Street);
        task.OfficeId.ShouldNotBeNull();
        task.WorkflowId.ShouldBe("community-dispatch");
        task.Sla.ShouldBe("2wd"); // the fallback definition's street SLA at yellow

        summary.NeedsManualTriage.ShouldBeTrue();
        summary.AssessmentFailures.ShouldBe(1);
        summary.Status.ShouldBe(CaseStatus.Dispatched);
    }

    [Fact]
    public async Task Other_signals_are_assessed_as_usual()
    {
        var detector = fixture.Community.Devices.Last(d => d.Kind == "smoke");
        var otherLeak = fixture.Community.Devices.Last(d => d.Kind == "water-leak");

        var ids = await fixture.AcceptAndProcessAsync(
            Signals.Smoke(detector.Id, at: WednesdayMorning),
            Leak(otherLeak.Id, severity: 5));

        var (_, smokeEvents, smoke) = await CaseOfAsync(ids[0]);
        smokeEvents.OfType<RiskAssessed>().ShouldHaveSingleItem().FiredRuleIds.ShouldBe(new[] { "smoke" });
        smokeEvents.OfType<AssessmentFailed>().ShouldBeEmpty();
        smoke.NeedsManualTriage.ShouldBeFalse();
        smoke.Level.ShouldBe(RiskLevel.Orange);

        var (_, leakEvents, _) = await CaseOfAsync(ids[1]);
        leakEvents.OfType<RiskAssessed>().ShouldHaveSingleItem().FiredRuleIds.ShouldBe(new[] { "leak-ratio" }); // 10 / (5 - 4) > 1
    }
}
