using Cerebellum.Engine.Policies;
using Cerebellum.Workflows.Interpreter;
using Marten;
using Wolverine;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>A task's timer fired: record the breach and take the escalation steps that have fallen due, then set
/// the next step's timer. One transaction (Wolverine's transactional middleware), so a crash re-delivers the
/// message and the state makes the repeat harmless; a race with a handler acting on the case is retried.</summary>
public static class TaskDeadlineHandler
{
    public static async Task Handle(
        TaskDeadlineReached message, IDocumentSession session, IMessageContext context, PolicyCatalog policies, TimeProvider clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Case>(message.CaseId, ct);
        if (stream.Aggregate is not { } current || CaseWorkflow.DefinitionOf(current, policies) is not { } definition) return;

        var now = clock.GetUtcNow();
        var outcome = WorkflowInterpreter.Decide(definition, current.ToWorkflowState(),
            new WorkflowTrigger.DeadlineReached(message.TaskKey, message.Round, message.Step), now, policies.Calendar);
        foreach (var decision in outcome.Decisions)
        {
            switch (decision)
            {
                case WorkflowDecision.RecordSlaBreach b:
                    stream.AppendOne(new SlaBreached(current.Id, b.TaskKey, b.DueAt, now));
                    break;
                case WorkflowDecision.Escalate e:
                    stream.AppendOne(new CaseEscalated(current.Id, e.TaskKey, e.Step, e.To, e.Notify, e.DueAt, now));
                    break;
            }
        }
        await DeadlineTimers.ScheduleAsync(context, current.Id, outcome.Decisions.OfType<WorkflowDecision.SetDeadline>());
    }
}
