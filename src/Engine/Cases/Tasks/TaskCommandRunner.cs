using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Policies;
using JasperFx;
using Marten;
using Wolverine;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>Runs a task command as CaseCommands.RunAsync runs case commands (load, check the version the caller
/// saw, decide, append), plus an idempotent operation id and the task's durable timers, all in one transaction.
/// The session must be enrolled in the bus's outbox (OutboxedSessionFactory.OpenSession(bus)).</summary>
public static class TaskCommandRunner
{
    public static async Task<TaskCommandResult> RunAsync(
        IDocumentSession session, IMessageBus bus, PolicyCatalog policies, TaskCommand command, DateTimeOffset now, CancellationToken ct)
    {
        var operationId = TaskOperation.IdFor(command.CaseId, command.OperationId);
        if (await RepeatAsync(session, operationId, command, ct) is { } repeat) return repeat;

        var stream = await session.Events.FetchForWriting<Case>(command.CaseId, ct);
        if (stream.Aggregate is not { } current) return new(TaskCommandStatus.CaseNotFound, 0, "No such case.");
        var version = stream.CurrentVersion ?? 0;
        if (current.FindTask(command.TaskKey) is not { } task)
            return new(TaskCommandStatus.TaskNotFound, version, $"The case has no task '{command.TaskKey}'.");
        if (command.ActorOffice is { } office && office != task.OfficeId)
            return new(TaskCommandStatus.Forbidden, version, $"Task '{task.Key}' is with {task.OfficeName}, not your office.");
        if (version != command.ExpectedVersion) return Conflict(version);
        if (CaseWorkflow.DefinitionOf(current, policies) is not { } definition)
            return new(TaskCommandStatus.Refused, version, $"The case's routing definition {current.WorkflowId} v{current.WorkflowVersion} is not loaded.");

        var offices = await OfficeChoice.AllAsync(session, ct);
        var decision = TaskDecisions.Decide(current, definition, command, offices, now, policies.Calendar);
        if (decision.Refusal is { } refusal) return new(TaskCommandStatus.Refused, version, refusal);

        stream.AppendMany(decision.Events);
        var after = version + decision.Events.Count;
        session.Insert(new TaskOperation(operationId, command.Fingerprint, after, now));
        if (decision.Events.Any(e => e is CaseResolved)) // frees the correlation key, as CaseCommands does
            session.DeleteWhere<OpenCaseIndex>(x => x.Id == current.CorrelationKey && x.CaseId == current.Id);
        await DeadlineTimers.ScheduleAsync(bus, current.Id, decision.Events);
        await AuditTrail.RecordAsync(session, new AuditRequest(command.By, AuditActions.CaseAction, now, current.Id,
            Detail: $"task {task.Key}: {string.Join(", ", decision.Events.Select(e => e.GetType().Name))}"), ct);

        try
        {
            await session.SaveChangesAsync(ct);
            return new(TaskCommandStatus.Done, after);
        }
        catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException)
        {
            // Someone acted between our read and our write: perhaps the same operation sent twice at once.
            await using var fresh = session.DocumentStore.QuerySession();
            if (await RepeatAsync(fresh, operationId, command, ct) is { } first) return first;
            var state = await fresh.Events.FetchStreamStateAsync(command.CaseId, ct);
            return Conflict(state?.Version ?? 0);
        }
    }

    private static async Task<TaskCommandResult?> RepeatAsync(IQuerySession session, string operationId, TaskCommand command, CancellationToken ct) =>
        await session.LoadAsync<TaskOperation>(operationId, ct) switch
        {
            null => null,
            { } op when op.Fingerprint == command.Fingerprint => new(TaskCommandStatus.Done, op.Version),
            { } op => new(TaskCommandStatus.OperationReused, op.Version,
                $"Operation id '{command.OperationId}' was already used for another command on this case; send a new one."),
        };

    private static TaskCommandResult Conflict(long current) =>
        new(TaskCommandStatus.Conflict, current, $"The case has changed since you loaded it; it is now at version {current}.");
}
