using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Registry;
using Cerebellum.Workflows;
using Cerebellum.Workflows.Interpreter;
using static Cerebellum.Engine.Cases.Tasks.TaskAction;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>Pure: case + definition + command + offices → the events to append, or a refusal. The interpreter
/// says what the workflow does; this maps its decisions to case events with the offices chosen.</summary>
public static class TaskDecisions
{
    public static Decision Decide(
        Case c, RoutingDefinition definition, TaskCommand command, IReadOnlyList<Office> offices, DateTimeOffset now, HolidayCalendar calendar)
    {
        var task = c.FindTask(command.TaskKey)!;
        var (id, key, by, op) = (c.Id, command.TaskKey, command.By, command.OperationId);
        if (command.Action is Note note)
            return string.IsNullOrWhiteSpace(note.Text)
                ? Decision.Refuse("Write the note (note).")
                : Decision.Accept(new TaskNoteAdded(id, key, note.Text.Trim(), by, op, now));

        WorkflowTrigger trigger = command.Action switch
        {
            Accept => new WorkflowTrigger.TaskAccepted(key),
            Reject r => new WorkflowTrigger.TaskRejected(key, r.Reason),
            HandOff h => new WorkflowTrigger.TaskHandedOff(key, h.Reason),
            Assist a => new WorkflowTrigger.AssistanceRequested(key, a.Party, a.Reason),
            Resolve r => new WorkflowTrigger.TaskResolved(key, r.Outcome),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Action, "unknown task action"),
        };
        var outcome = WorkflowInterpreter.Decide(definition, c.ToWorkflowState(), trigger, now, calendar);
        if (outcome.Refusal is { } refusal) return Decision.Refuse(refusal);

        var events = new List<object>();
        switch (command.Action)
        {
            case Accept:
                events.Add(new TaskAccepted(id, key, task.OfficeId, by, op, now));
                break;
            case Reject r:
                var route = outcome.Decisions.OfType<WorkflowDecision.RouteTask>().Single();
                var street = OfficeChoice.For(offices, route.Party, c.Location.Compound);
                events.Add(new TaskRejected(id, key, r.Reason.Trim(), task.OfficeId, street?.Id, street?.Name ?? "", by, op, now));
                break;
            case HandOff h:
                if (offices.FirstOrDefault(o => o.Id == h.ToOfficeId) is not { } target)
                    return Decision.Refuse($"There is no office '{h.ToOfficeId}'.");
                if (target.Id == task.OfficeId) return Decision.Refuse($"Task '{key}' is with {target.Name} already.");
                events.Add(new TaskHandedOff(id, key, task.OfficeId, target.Id, target.Name, h.Reason.Trim(), by, op, now));
                break;
            case Assist a:
                var issue = outcome.Decisions.OfType<WorkflowDecision.IssueTask>().Single();
                var helper = OfficeChoice.For(offices, issue.Party, c.Location.Compound);
                events.Add(new AssistanceRequested(id, key, a.Party, issue.TaskKey, a.Reason.Trim(), by, op, now));
                events.Add(new TaskAssigned(id, issue.TaskKey, issue.Party, helper?.Id, helper?.Name ?? "", issue.DueAt, issue.SlaText,
                    definition.Id, definition.Version, now));
                break;
            case Resolve r:
                events.Add(new TaskResolved(id, key, r.Outcome.Trim(), by, op, now));
                if (outcome.Decisions.OfType<WorkflowDecision.ResolveCase>().Any())
                    events.Add(new CaseResolved(id, by, $"所有任务已完成 All tasks done: {r.Outcome.Trim()}", now));
                break;
        }
        return new Decision(events, null);
    }
}
