using Cerebellum.Rules;
using Cerebellum.Workflows.Interpreter;
using static Cerebellum.Workflows.Tests.Time;

namespace Cerebellum.Workflows.Tests.Interpreter;

/// <summary>A definition written for these tests (so changes to the samples cannot break them) and helpers to run it.</summary>
internal static class InterpreterSetup
{
    public static readonly RoutingDefinition Definition = RoutingDefinitionLoader.LoadOrThrow("""
        workflow: interpreter-test
        version: 1
        title: { zh-CN: 测试, en: Test }
        categories: [fire]
        tasks:
          - party: property
            when: assessed
            sla: { red: 10m, orange: 15m, yellow: 2h, blue: 1wd }
          - party: police
            when: assessed
            minLevel: orange
            sla: { red: 10m, orange: 30m }
          - party: street
            when: always
            sla: { red: 30m, orange: 1h, yellow: 1wd, blue: 3wd }
        escalation:
          - after: 0m
            to: street-supervisor
            notify: [street, supervisor]
          - after: 2h
            to: district-supervisor
            notify: [supervisor]
        closure:
          feedbackWithinDays: 3
        """, "interpreter-test.yaml");

    public static readonly HolidayCalendar Calendar = SampleFiles.China();

    /// <summary>Friday 6 March 2026, 10:00 Beijing.</summary>
    public static readonly DateTimeOffset T0 = At(2026, 3, 6, 10);

    public static WorkflowOutcome Decide(WorkflowState state, WorkflowTrigger trigger, DateTimeOffset now) =>
        WorkflowInterpreter.Decide(Definition, state, trigger, now, Calendar);

    public static WorkflowTask Task(string key, Party party, DateTimeOffset dueAt, WorkflowTaskStatus status = WorkflowTaskStatus.Assigned,
        string sla = "10m", int round = 0, bool breached = false, int steps = 0) =>
        new(key, party, status, T0, dueAt, sla, round, breached, steps);

    public static WorkflowState State(RiskLevel level, params WorkflowTask[] tasks) => new(level, true, tasks);

    /// <summary>The state after applying the issue decisions, as the Engine's events would leave it.</summary>
    public static WorkflowState Apply(WorkflowState state, WorkflowOutcome outcome) => state with
    {
        Tasks = [.. state.Tasks, .. outcome.Decisions.OfType<WorkflowDecision.IssueTask>()
            .Select(i => new WorkflowTask(i.TaskKey, i.Party, WorkflowTaskStatus.Assigned, T0, i.DueAt, i.SlaText, i.Round))],
    };
}
