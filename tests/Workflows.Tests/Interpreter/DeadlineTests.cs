using Cerebellum.Rules;
using Cerebellum.Workflows.Interpreter;
using static Cerebellum.Workflows.Interpreter.WorkflowDecision;
using static Cerebellum.Workflows.Tests.Interpreter.InterpreterSetup;

namespace Cerebellum.Workflows.Tests.Interpreter;

public class DeadlineTests
{
    private static readonly DateTimeOffset Due = T0.AddMinutes(10);

    private static WorkflowState With(WorkflowTask task, bool active = true) => new(RiskLevel.Red, active, [task]);

    [Fact]
    public void At_the_deadline_the_breach_is_recorded_the_first_step_taken_and_the_next_timer_set()
    {
        var outcome = Decide(With(Task("police", Party.Police, Due)), new WorkflowTrigger.DeadlineReached("police", 0, 0), Due);

        outcome.Decisions.ShouldBe([
            new RecordSlaBreach("police", Due),
            new Escalate("police", 0, "street-supervisor", ["street", "supervisor"], Due),
            new SetDeadline("police", 0, 1, Due.AddHours(2)),
        ]);
    }

    [Fact]
    public void The_second_step_fires_from_its_own_timer_and_ends_the_chain()
    {
        var task = Task("police", Party.Police, Due, breached: true, steps: 1);
        var outcome = Decide(With(task), new WorkflowTrigger.DeadlineReached("police", 0, 1), Due.AddHours(2));
        outcome.Decisions.ShouldBe([new Escalate("police", 1, "district-supervisor", ["supervisor"], Due)]);
    }

    [Fact]
    public void A_late_timer_takes_every_overdue_step_one_at_a_time()
    {
        var outcome = Decide(With(Task("police", Party.Police, Due)), new WorkflowTrigger.DeadlineReached("police", 0, 0), Due.AddHours(5));
        outcome.Decisions.ShouldBe([
            new RecordSlaBreach("police", Due),
            new Escalate("police", 0, "street-supervisor", ["street", "supervisor"], Due),
            new Escalate("police", 1, "district-supervisor", ["supervisor"], Due),
        ]);
    }

    [Fact]
    public void A_task_already_done_ignores_its_timer()
    {
        var done = Task("police", Party.Police, Due, WorkflowTaskStatus.Done);
        Decide(With(done), new WorkflowTrigger.DeadlineReached("police", 0, 0), Due).Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void A_step_already_taken_is_not_taken_again()
    {
        var task = Task("police", Party.Police, Due, breached: true, steps: 1);
        Decide(With(task), new WorkflowTrigger.DeadlineReached("police", 0, 0), Due.AddMinutes(1)).Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void A_repeat_delivery_of_a_handled_timer_sets_no_second_timer()
    {
        var task = Task("police", Party.Police, Due, breached: true, steps: 1);
        Decide(With(task), new WorkflowTrigger.DeadlineReached("police", 0, 1), Due.AddMinutes(5)).Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void A_timer_from_before_the_case_was_reopened_is_stale()
    {
        var reissued = Task("police", Party.Police, Due.AddDays(1), round: 1);
        Decide(With(reissued), new WorkflowTrigger.DeadlineReached("police", 0, 0), Due.AddDays(1)).Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void A_timer_for_a_case_no_longer_active_does_nothing()
    {
        Decide(With(Task("police", Party.Police, Due), active: false), new WorkflowTrigger.DeadlineReached("police", 0, 0), Due)
            .Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void A_timer_that_wakes_before_the_deadline_sleeps_again_until_it()
    {
        Decide(With(Task("police", Party.Police, Due)), new WorkflowTrigger.DeadlineReached("police", 0, 0), Due.AddMinutes(-1))
            .Decisions.ShouldBe([new SetDeadline("police", 0, 0, Due)]);
    }

    [Fact]
    public void A_timer_for_an_unknown_task_does_nothing()
    {
        Decide(With(Task("police", Party.Police, Due)), new WorkflowTrigger.DeadlineReached("fire-brigade", 0, 0), Due)
            .Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void A_breach_with_a_later_first_step_only_records_the_breach_and_waits()
    {
        var definition = RoutingDefinitionLoader.LoadOrThrow(
            InterpreterSetupText.Replace("after: 0m", "after: 30m"), "late-step.yaml");
        var outcome = WorkflowInterpreter.Decide(definition, With(Task("police", Party.Police, Due)),
            new WorkflowTrigger.DeadlineReached("police", 0, 0), Due, Calendar);
        outcome.Decisions.ShouldBe([new RecordSlaBreach("police", Due), new SetDeadline("police", 0, 0, Due.AddMinutes(30))]);

        var breached = Task("police", Party.Police, Due, breached: true);
        WorkflowInterpreter.Decide(definition, With(breached), new WorkflowTrigger.DeadlineReached("police", 0, 0), Due.AddMinutes(30), Calendar)
            .Decisions.OfType<Escalate>().ShouldHaveSingleItem().To.ShouldBe("street-supervisor");
    }

    private const string InterpreterSetupText = """
        workflow: late-step
        version: 1
        title: { zh-CN: 测试, en: Test }
        categories: [fire]
        tasks:
          - party: police
            when: assessed
            sla: 10m
        escalation:
          - after: 0m
            to: street-supervisor
        closure:
          feedbackWithinDays: 3
        """;
}
