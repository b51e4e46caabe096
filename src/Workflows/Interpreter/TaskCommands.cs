using Cerebellum.Rules;
using static Cerebellum.Workflows.Interpreter.WorkflowDecision;
using static Cerebellum.Workflows.Interpreter.WorkflowTrigger;

namespace Cerebellum.Workflows.Interpreter;

/// <summary>The human-task triggers (accept, reject, hand off, ask for assistance, resolve): which are allowed
/// in the task's state, and what the workflow does about them. A refusal says why in words a handler reads.</summary>
internal static class TaskCommands
{
    public static WorkflowOutcome Decide(
        RoutingDefinition definition, WorkflowState state, WorkflowTrigger trigger, DateTimeOffset now, HolidayCalendar calendar)
    {
        var key = trigger switch
        {
            TaskAccepted t => t.TaskKey,
            TaskRejected t => t.TaskKey,
            TaskHandedOff t => t.TaskKey,
            AssistanceRequested t => t.TaskKey,
            TaskResolved t => t.TaskKey,
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "unknown workflow trigger"),
        };
        if (state.Find(key) is not { } task) return WorkflowOutcome.Refuse($"The case has no task '{key}'.");
        if (!state.CaseActive) return WorkflowOutcome.Refuse("The case is no longer active; reopen it first.");
        if (!task.IsOpen) return WorkflowOutcome.Refuse($"Task '{key}' is already done.");

        return trigger switch
        {
            TaskAccepted => task.Status == WorkflowTaskStatus.Accepted
                ? WorkflowOutcome.Refuse($"Task '{key}' is already accepted.")
                : WorkflowOutcome.Nothing,
            TaskRejected r => Reject(task, r.Reason),
            TaskHandedOff h => string.IsNullOrWhiteSpace(h.Reason)
                ? WorkflowOutcome.Refuse("Say why the task is handed off (reason).")
                : WorkflowOutcome.Nothing,
            AssistanceRequested a => Assist(definition, state, task, a, now, calendar),
            TaskResolved r => Resolve(definition, state, task, r.Outcome),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "unknown workflow trigger"),
        };
    }

    // 退单 sends the task back to the street office, which coordinates the case and re-dispatches it. The
    // street office itself cannot reject: it hands the task off to the right office instead.
    private static WorkflowOutcome Reject(WorkflowTask task, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return WorkflowOutcome.Refuse("Say why the task is rejected (reason).");
        if (task.Party == Party.Street || task.Status == WorkflowTaskStatus.Returned)
            return WorkflowOutcome.Refuse($"Task '{task.Key}' is with the street office already; hand it off to the right office instead.");
        return WorkflowOutcome.Of(new RouteTask(task.Key, Party.Street));
    }

    // 协办: the helping party gets its own task, timed by the definition's SLA for that party when it has one,
    // else due with the task it helps.
    private static WorkflowOutcome Assist(
        RoutingDefinition definition, WorkflowState state, WorkflowTask task, AssistanceRequested request, DateTimeOffset now,
        HolidayCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(request.Reason)) return WorkflowOutcome.Refuse("Say what help is needed (reason).");
        if (!Enum.IsDefined(request.From)) return WorkflowOutcome.Refuse("Unknown party.");
        if (state.Tasks.Any(t => t.Party == request.From && t.IsOpen))
            return WorkflowOutcome.Refuse($"The {Yaml.YamlNames.Of(request.From)} party already has an open task on this case.");

        var newKey = KeyFor(state, request.From);
        var (dueAt, text) = WorkflowInterpreter.SlaFor(definition, request.From, state.Level) is var (sla, slaText)
            ? (SlaCalculator.DueAt(sla, now, calendar), slaText)
            : (task.DueAt, task.SlaText);
        return WorkflowOutcome.Of(new IssueTask(newKey, request.From, dueAt, text, 0), new SetDeadline(newKey, 0, 0, dueAt));
    }

    private static WorkflowOutcome Resolve(RoutingDefinition definition, WorkflowState state, WorkflowTask task, string outcome)
    {
        if (string.IsNullOrWhiteSpace(outcome)) return WorkflowOutcome.Refuse("Say what was done (outcome).");
        var othersDone = state.Tasks.All(t => t.Key == task.Key || !t.IsOpen);
        return othersDone && definition.Closure.RequireAllTasksDone
            ? WorkflowOutcome.Of(new ResolveCase(task.Key))
            : WorkflowOutcome.Nothing;
    }

    // A party's first task is keyed by its name, as the definition's tasks are; later ones get a number.
    private static string KeyFor(WorkflowState state, Party party)
    {
        var name = Yaml.YamlNames.Of(party);
        if (state.Find(name) is null) return name;
        for (var n = 2; ; n++)
            if (state.Find($"{name}-{n}") is null) return $"{name}-{n}";
    }
}
