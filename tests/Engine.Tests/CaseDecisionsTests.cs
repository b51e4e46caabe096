using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Rules;
using Case = Cerebellum.Engine.Cases.Case;

namespace Cerebellum.Engine.Tests;

/// <summary>The pure decision, without a database: state + item + assessment + routing → events.</summary>
public sealed class CaseDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.FromHours(8));
    private static readonly CaseLocation Where = new("cuiyuan", "cy1", "cy1-b1", "cy1-b1-u0101", "翠苑一区 1幢", "翠苑一区 1幢 101室");
    private static readonly Guid CaseId = Guid.NewGuid();

    private static IncomingItem Item() =>
        new(Guid.NewGuid(), "signal", "smoke", 3, Now, "gw", "d1", "", new ItemLocation(null, null, null));

    private static object Attached(IncomingItem item) =>
        new SignalAttached(CaseId, item.ItemId, item.Source, "m", item.DeviceId, item.Kind, item.Severity, Now, Now);

    private static IReadOnlyList<object> Decide(Case? state, AssessmentOutcome assessment, params OfficeTask[] tasks)
    {
        var item = Item();
        return CaseDecisions.OnItem(state, CaseId, "device:d1|signal:smoke", Where, item, Attached(item), assessment, tasks, "wf", 1, Now);
    }

    private static Assessment Assessed(RiskLevel level, params Party[] parties) =>
        new("community-default", 1, level, "fire", parties, [new FiredRule("r1", level, "fire", 10, new LocalizedText("原因", "reason"))]);

    private static OfficeTask Task(Party party) => new(party.ToString().ToLowerInvariant(), party, "o", "Office", Now.AddMinutes(15), "15m");

    private static readonly AssessmentFailure Failure = new("community-default", 1, "ratio", "Attempted to divide by zero.");

    [Fact]
    public void A_failed_assessment_still_opens_the_case_and_records_the_failure_with_the_triage_task()
    {
        var events = Decide(null, Failure, Task(Party.Street));

        events.Select(e => e.GetType()).ShouldBe([typeof(CaseOpened), typeof(SignalAttached), typeof(AssessmentFailed), typeof(TaskAssigned)]);
        var failed = events.OfType<AssessmentFailed>().Single();
        (failed.PackId, failed.PackVersion, failed.RuleId).ShouldBe(("community-default", 1, "ratio"));
        var state = CaseReplay.Of(events);
        state.AssessmentFailures.ShouldBe(1);
        state.Level.ShouldBeNull();
        var triage = Failure.Triage(null);
        (triage.Level, triage.Category).ShouldBe((RiskLevel.Yellow, "general"));
        triage.Parties.ShouldBe([Party.Street]);
    }

    [Fact]
    public void A_failed_assessment_on_an_assessed_case_keeps_its_level()
    {
        var state = CaseReplay.Of(Decide(null, Assessed(RiskLevel.Red, Party.Police), Task(Party.Police)));

        var next = Decide(state, Failure, Task(Party.Street));

        next.Select(e => e.GetType()).ShouldBe([typeof(SignalAttached), typeof(AssessmentFailed), typeof(TaskAssigned)]);
        CaseReplay.Of(next, state).Level.ShouldBe(RiskLevel.Red);
        Failure.Triage(state).Level.ShouldBe(RiskLevel.Red);
    }

    [Fact]
    public void A_first_signal_opens_assesses_and_dispatches()
    {
        var events = Decide(null, Assessed(RiskLevel.Orange, Party.Property), Task(Party.Property));

        events.Select(e => e.GetType()).ShouldBe([typeof(CaseOpened), typeof(SignalAttached), typeof(RiskAssessed), typeof(TaskAssigned)]);
        CaseReplay.Of(events).Status.ShouldBe(CaseStatus.Dispatched);
    }

    [Fact]
    public void A_repeat_at_the_same_level_only_attaches_the_signal()
    {
        var opened = Decide(null, Assessed(RiskLevel.Orange, Party.Property), Task(Party.Property));
        var state = CaseReplay.Of(opened);

        var next = Decide(state, Assessed(RiskLevel.Yellow, Party.Property), Task(Party.Property));

        next.Select(e => e.GetType()).ShouldBe([typeof(SignalAttached)]);
    }

    [Fact]
    public void A_rise_in_level_is_recorded_and_only_new_parties_get_tasks()
    {
        var opened = Decide(null, Assessed(RiskLevel.Orange, Party.Property), Task(Party.Property));
        var state = CaseReplay.Of(opened);

        var next = Decide(state, Assessed(RiskLevel.Red, Party.Property, Party.Police), Task(Party.Property), Task(Party.Police));

        next.OfType<RiskAssessed>().Single().Level.ShouldBe(RiskLevel.Red);
        next.OfType<TaskAssigned>().Select(t => t.Party).ShouldBe([Party.Police]);
        CaseReplay.Of(opened.Concat(next)).Level.ShouldBe(RiskLevel.Red);
    }
}
