using Cerebellum.Rules;
using Cerebellum.Workflows.Interpreter;
using static Cerebellum.Workflows.Interpreter.WorkflowDecision;
using static Cerebellum.Workflows.Tests.Interpreter.InterpreterSetup;

namespace Cerebellum.Workflows.Tests.Interpreter;

public class HumanTaskTests
{
    private static readonly DateTimeOffset Due = T0.AddMinutes(10);

    private static WorkflowState Dispatched(WorkflowTaskStatus police = WorkflowTaskStatus.Assigned) => State(RiskLevel.Red,
        Task("property", Party.Property, Due),
        Task("police", Party.Police, Due, police),
        Task("street", Party.Street, T0.AddMinutes(30), sla: "30m"));

    [Fact]
    public void Accepting_an_assigned_task_is_allowed_and_decides_nothing_more()
    {
        var outcome = Decide(Dispatched(), new WorkflowTrigger.TaskAccepted("police"), T0);
        outcome.Refused.ShouldBeFalse();
        outcome.Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void Accepting_twice_is_refused()
    {
        Decide(Dispatched(WorkflowTaskStatus.Accepted), new WorkflowTrigger.TaskAccepted("police"), T0)
            .Refusal.ShouldBe("Task 'police' is already accepted.");
    }

    [Fact]
    public void An_unknown_task_is_refused_by_name()
    {
        Decide(Dispatched(), new WorkflowTrigger.TaskAccepted("fire-brigade"), T0).Refusal.ShouldBe("The case has no task 'fire-brigade'.");
    }

    [Fact]
    public void Nothing_can_be_done_to_a_task_already_done()
    {
        Decide(Dispatched(WorkflowTaskStatus.Done), new WorkflowTrigger.TaskHandedOff("police", "错派"), T0)
            .Refusal.ShouldBe("Task 'police' is already done.");
    }

    [Fact]
    public void Tasks_of_a_case_that_is_over_cannot_be_acted_on()
    {
        Decide(Dispatched() with { CaseActive = false }, new WorkflowTrigger.TaskAccepted("police"), T0)
            .Refusal.ShouldNotBeNull().ShouldContain("no longer active");
    }

    [Fact]
    public void A_rejected_task_goes_back_to_the_street_office()
    {
        Decide(Dispatched(), new WorkflowTrigger.TaskRejected("police", "非警情，属物业职责"), T0)
            .Decisions.ShouldBe([new RouteTask("police", Party.Street)]);
    }

    [Theory]
    [InlineData("police", "  ", "Say why the task is rejected (reason).")]
    [InlineData("street", "不归我们管", "Task 'street' is with the street office already; hand it off to the right office instead.")]
    public void Rejection_needs_a_reason_and_is_not_for_the_street_office(string key, string reason, string refusal)
    {
        Decide(Dispatched(), new WorkflowTrigger.TaskRejected(key, reason), T0).Refusal.ShouldBe(refusal);
    }

    [Fact]
    public void A_returned_task_cannot_be_rejected_again_but_can_be_handed_off_and_accepted()
    {
        var state = Dispatched(WorkflowTaskStatus.Returned);
        Decide(state, new WorkflowTrigger.TaskRejected("police", "again"), T0).Refused.ShouldBeTrue();
        Decide(state, new WorkflowTrigger.TaskHandedOff("police", "转交物业"), T0).Refused.ShouldBeFalse();
        Decide(state, new WorkflowTrigger.TaskAccepted("police"), T0).Refused.ShouldBeFalse();
    }

    [Fact]
    public void A_hand_off_needs_a_reason()
    {
        Decide(Dispatched(), new WorkflowTrigger.TaskHandedOff("police", ""), T0).Refusal.ShouldBe("Say why the task is handed off (reason).");
    }

    [Fact]
    public void Assistance_from_a_party_of_the_definition_is_timed_by_its_sla()
    {
        var state = State(RiskLevel.Red, Task("street", Party.Street, T0.AddMinutes(30), sla: "30m"));
        var outcome = Decide(state, new WorkflowTrigger.AssistanceRequested("street", Party.Property, "需要物业开门"), T0);
        outcome.Decisions.ShouldBe([
            new IssueTask("property", Party.Property, T0.AddMinutes(10), "10m", 0),
            new SetDeadline("property", 0, 0, T0.AddMinutes(10)),
        ]);
    }

    [Fact]
    public void Assistance_from_a_party_the_definition_does_not_name_is_due_with_the_task_it_helps()
    {
        var outcome = Decide(Dispatched(), new WorkflowTrigger.AssistanceRequested("police", Party.Health, "老人需要医护"), T0);
        outcome.Decisions.OfType<IssueTask>().ShouldHaveSingleItem().ShouldBe(new IssueTask("health", Party.Health, Due, "10m", 0));
    }

    [Fact]
    public void A_party_that_already_did_its_task_gets_a_numbered_second_one()
    {
        var state = Dispatched() with { Tasks = [.. Dispatched().Tasks.Select(t => t.Key == "property" ? t with { Status = WorkflowTaskStatus.Done } : t)] };
        Decide(state, new WorkflowTrigger.AssistanceRequested("street", Party.Property, "再次上门"), T0)
            .Decisions.OfType<IssueTask>().ShouldHaveSingleItem().TaskKey.ShouldBe("property-2");
    }

    [Fact]
    public void Assistance_from_a_party_with_an_open_task_is_refused()
    {
        Decide(Dispatched(), new WorkflowTrigger.AssistanceRequested("street", Party.Police, "协助"), T0)
            .Refusal.ShouldBe("The police party already has an open task on this case.");
        Decide(Dispatched(), new WorkflowTrigger.AssistanceRequested("street", Party.Health, " "), T0)
            .Refusal.ShouldBe("Say what help is needed (reason).");
    }

    [Fact]
    public void Resolving_the_last_open_task_resolves_the_case()
    {
        var state = Dispatched() with { Tasks = [.. Dispatched().Tasks.Select(t => t.Key == "police" ? t : t with { Status = WorkflowTaskStatus.Done })] };
        Decide(state, new WorkflowTrigger.TaskResolved("police", "已处置"), T0).Decisions.ShouldBe([new ResolveCase("police")]);
    }

    [Fact]
    public void Resolving_one_task_of_several_leaves_the_case_open()
    {
        var outcome = Decide(Dispatched(), new WorkflowTrigger.TaskResolved("police", "已处置"), T0);
        outcome.Refused.ShouldBeFalse();
        outcome.Decisions.ShouldBeEmpty();
        Decide(Dispatched(), new WorkflowTrigger.TaskResolved("police", ""), T0).Refusal.ShouldBe("Say what was done (outcome).");
    }

    [Fact]
    public void Without_require_all_tasks_done_the_last_task_does_not_resolve_the_case()
    {
        var definition = Definition with { Closure = Definition.Closure with { RequireAllTasksDone = false } };
        var state = State(RiskLevel.Red, Task("police", Party.Police, Due));
        WorkflowInterpreter.Decide(definition, state, new WorkflowTrigger.TaskResolved("police", "已处置"), T0, Calendar)
            .Decisions.ShouldBeEmpty();
    }
}
