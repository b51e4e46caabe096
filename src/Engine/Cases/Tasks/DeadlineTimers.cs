using Cerebellum.Workflows.Interpreter;
using Wolverine;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>Schedules the durable timers for what a command or intake appended. Every issued or re-issued task
/// gets a timer at its deadline, whichever path issued it; escalation steps come from the interpreter's
/// SetDeadline decisions. The bus must be the one the Marten session is enrolled with (a Wolverine handler's
/// context, or OutboxedSessionFactory.OpenSession(bus)), so the timers commit with the events or not at all.</summary>
public static class DeadlineTimers
{
    public static async Task ScheduleAsync(IMessageBus bus, Guid caseId, IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            var timer = e switch
            {
                TaskAssigned a => (new TaskDeadlineReached(caseId, a.TaskKey, 0, 0), a.DueAt),
                TaskReissued r => (new TaskDeadlineReached(caseId, r.TaskKey, r.Round, 0), r.DueAt),
                _ => ((TaskDeadlineReached, DateTimeOffset)?)null,
            };
            if (timer is var (message, at)) await bus.ScheduleAsync(message, at);
        }
    }

    public static async Task ScheduleAsync(IMessageBus bus, Guid caseId, IEnumerable<WorkflowDecision.SetDeadline> deadlines)
    {
        foreach (var d in deadlines) await bus.ScheduleAsync(new TaskDeadlineReached(caseId, d.TaskKey, d.Round, d.Step), d.At);
    }
}
