using Cerebellum.Rules;
using Cerebellum.Workflows.Interpreter;
using static Cerebellum.Workflows.Interpreter.WorkflowDecision;
using static Cerebellum.Workflows.Tests.Interpreter.InterpreterSetup;
using static Cerebellum.Workflows.Tests.Time;

namespace Cerebellum.Workflows.Tests.Interpreter;

public class DispatchAndReassessmentTests
{
    [Fact]
    public void Assessment_issues_every_applicable_task_at_once_each_with_its_deadline_timer()
    {
        var outcome = Decide(WorkflowState.New,
            new WorkflowTrigger.Assessed(new RoutingInput(RiskLevel.Red, "fire", [Party.Police, Party.Property])), T0);

        outcome.Refused.ShouldBeFalse();
        var issued = outcome.Decisions.OfType<IssueTask>().ToList();
        issued.Select(i => i.TaskKey).ShouldBe(["property", "police", "street"]);
        issued.Select(i => i.DueAt).ShouldBe([At(2026, 3, 6, 10, 10), At(2026, 3, 6, 10, 10), At(2026, 3, 6, 10, 30)]);
        issued.ShouldAllBe(i => i.Round == 0);
        outcome.Decisions.OfType<SetDeadline>().Select(d => (d.TaskKey, d.Step, d.At))
            .ShouldBe([("property", 0, At(2026, 3, 6, 10, 10)), ("police", 0, At(2026, 3, 6, 10, 10)), ("street", 0, At(2026, 3, 6, 10, 30))]);
    }

    [Fact]
    public void A_rise_to_orange_adds_the_police_and_drops_nothing_already_issued()
    {
        var yellow = Apply(WorkflowState.New, Decide(WorkflowState.New,
            new WorkflowTrigger.Assessed(new RoutingInput(RiskLevel.Yellow, "fire", [Party.Police, Party.Property])), T0));
        yellow.Tasks.Select(t => t.Key).ShouldBe(["property", "street"]);

        var later = T0.AddMinutes(20);
        var outcome = Decide(yellow with { Level = RiskLevel.Yellow },
            new WorkflowTrigger.Reassessed(new RoutingInput(RiskLevel.Orange, "fire", [Party.Police, Party.Property])), later);

        var issued = outcome.Decisions.OfType<IssueTask>().ShouldHaveSingleItem();
        issued.TaskKey.ShouldBe("police");
        issued.DueAt.ShouldBe(later.AddMinutes(30));
    }

    [Fact]
    public void Parties_that_grew_at_the_same_level_get_their_tasks()
    {
        var state = State(RiskLevel.Orange, Task("street", Party.Street, T0.AddHours(1)));
        var outcome = Decide(state, new WorkflowTrigger.Reassessed(new RoutingInput(RiskLevel.Orange, "fire", [Party.Property])), T0);
        outcome.Decisions.OfType<IssueTask>().Select(i => i.TaskKey).ShouldBe(["property"]);
    }

    [Fact]
    public void A_quieter_reassessment_never_lowers_the_level_the_new_tasks_are_timed_at()
    {
        var state = State(RiskLevel.Red, Task("street", Party.Street, T0.AddMinutes(30)));
        var outcome = Decide(state, new WorkflowTrigger.Reassessed(new RoutingInput(RiskLevel.Blue, "fire", [Party.Property, Party.Police])), T0);

        // At blue the police would not apply and the property SLA would be a working day.
        outcome.Decisions.OfType<IssueTask>().Select(i => (i.TaskKey, i.DueAt))
            .ShouldBe([("property", T0.AddMinutes(10)), ("police", T0.AddMinutes(10))]);
    }

    [Fact]
    public void Nothing_is_issued_for_a_case_that_is_no_longer_active()
    {
        var state = new WorkflowState(RiskLevel.Red, false, []);
        Decide(state, new WorkflowTrigger.Reassessed(new RoutingInput(RiskLevel.Red, "fire", [Party.Police])), T0)
            .Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void Reopening_issues_every_task_again_in_a_new_round_with_fresh_deadlines()
    {
        var state = State(RiskLevel.Red,
            Task("property", Party.Property, T0.AddMinutes(10), WorkflowTaskStatus.Done),
            Task("street", Party.Street, T0.AddMinutes(30), WorkflowTaskStatus.Done, sla: "30m", round: 1),
            Task("health", Party.Health, T0.AddHours(1), WorkflowTaskStatus.Done, sla: "1h")); // an assistance task
        var reopenedAt = At(2026, 3, 9, 9);

        var outcome = Decide(state, new WorkflowTrigger.CaseReopened(), reopenedAt);

        outcome.Decisions.OfType<IssueTask>().Select(i => (i.TaskKey, i.DueAt, i.Round)).ShouldBe([
            ("property", reopenedAt.AddMinutes(10), 1),
            ("street", reopenedAt.AddMinutes(30), 2),
            ("health", reopenedAt.AddHours(1), 1), // not in the definition: keeps its own SLA
        ]);
        outcome.Decisions.OfType<SetDeadline>().Select(d => (d.TaskKey, d.Round, d.Step))
            .ShouldBe([("property", 1, 0), ("street", 2, 0), ("health", 1, 0)]);
    }
}
