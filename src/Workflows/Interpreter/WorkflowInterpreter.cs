using Cerebellum.Rules;
using static Cerebellum.Workflows.Interpreter.WorkflowDecision;
using static Cerebellum.Workflows.Interpreter.WorkflowTrigger;

namespace Cerebellum.Workflows.Interpreter;

/// <summary>
/// The workflow interpreter: definition + the case's workflow state + a trigger + now + the holiday
/// calendar → decisions. Pure: it stores nothing and schedules nothing; the Engine records the decisions
/// as events and turns <see cref="SetDeadline"/> into durable timers. Timers are never cancelled: when one
/// fires, the state decides whether anything happens.
/// </summary>
public static class WorkflowInterpreter
{
    public static WorkflowOutcome Decide(
        RoutingDefinition definition, WorkflowState state, WorkflowTrigger trigger, DateTimeOffset now, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        return trigger switch
        {
            Assessed a => Dispatch(definition, state, a.Input, now, calendar),
            Reassessed r => Dispatch(definition, state, r.Input, now, calendar),
            DeadlineReached d => Deadline(definition, state, d, now),
            CaseReopened => Reopen(definition, state, now, calendar),
            _ => TaskCommands.Decide(definition, state, trigger, now, calendar),
        };
    }

    /// <summary>Issues the tasks that apply and are not issued yet. The level never drops (a quieter repeat
    /// of an alarm does not make the fire smaller) and nothing already issued is dropped or re-timed.</summary>
    private static WorkflowOutcome Dispatch(
        RoutingDefinition definition, WorkflowState state, RoutingInput input, DateTimeOffset now, HolidayCalendar calendar)
    {
        if (!state.CaseActive) return WorkflowOutcome.Nothing;
        var level = state.Level is { } current && current > input.Level ? current : input.Level;
        var fresh = Router.DispatchNew(definition, input with { Level = level }, state.Tasks.Select(t => t.Key), now, calendar);
        return new([.. fresh.SelectMany(Issue)], null);

        static IEnumerable<WorkflowDecision> Issue(TaskDecision t) =>
            [new IssueTask(t.TaskKey, t.Party, t.DueAt, t.SlaText, 0), new SetDeadline(t.TaskKey, 0, 0, t.DueAt)];
    }

    /// <summary>A timer fired. Nothing happens when the task is done, the timer belongs to an earlier round,
    /// or its step was already taken; otherwise the breach is recorded once and every escalation step that
    /// has fallen due is taken, one at a time, and the next step's timer is set.</summary>
    private static WorkflowOutcome Deadline(RoutingDefinition definition, WorkflowState state, DeadlineReached timer, DateTimeOffset now)
    {
        var task = state.Find(timer.TaskKey);
        if (task is null || !task.IsOpen || !state.CaseActive || task.Round != timer.Round || timer.Step < task.StepsTaken)
            return WorkflowOutcome.Nothing;
        if (now < task.DueAt) return WorkflowOutcome.Of(new SetDeadline(task.Key, task.Round, task.StepsTaken, task.DueAt));

        var decisions = new List<WorkflowDecision>();
        if (!task.Breached) decisions.Add(new RecordSlaBreach(task.Key, task.DueAt));
        var taken = task.StepsTaken;
        while (Router.Escalate(definition, task.AsDecision(), taken, now) is { } step)
        {
            decisions.Add(new Escalate(task.Key, step.StepIndex, step.To, step.Notify, task.DueAt));
            taken++;
        }
        // A repeat delivery of a timer already handled changes nothing, and must not set a second timer.
        if (decisions.Count == 0) return WorkflowOutcome.Nothing;
        if (Router.NextEscalationAt(definition, task.AsDecision(), taken) is { } next)
            decisions.Add(new SetDeadline(task.Key, task.Round, taken, next));
        return new(decisions, null);
    }

    /// <summary>Every task is issued again with a fresh deadline from now, in a new round, so the old
    /// round's timers find nothing to do.</summary>
    private static WorkflowOutcome Reopen(RoutingDefinition definition, WorkflowState state, DateTimeOffset now, HolidayCalendar calendar)
    {
        var decisions = new List<WorkflowDecision>();
        foreach (var task in state.Tasks)
        {
            var (sla, text) = SlaFor(definition, task.Party, state.Level) ?? (DurationSpec.Parse(task.SlaText), task.SlaText);
            var dueAt = SlaCalculator.DueAt(sla, now, calendar);
            decisions.Add(new IssueTask(task.Key, task.Party, dueAt, text, task.Round + 1));
            decisions.Add(new SetDeadline(task.Key, task.Round + 1, 0, dueAt));
        }
        return new(decisions, null);
    }

    /// <summary>The definition's SLA for a party at a level, if the definition has a task for that party at that level.</summary>
    internal static (DurationSpec Sla, string Text)? SlaFor(RoutingDefinition definition, Party party, RiskLevel? level)
    {
        var rule = definition.Tasks.FirstOrDefault(t => t.Party == party);
        var at = level ?? RiskLevel.Blue;
        return rule is not null && rule.Sla.TryGetValue(at, out var sla) ? (sla, sla.Text) : null;
    }
}
