using Cerebellum.Rules;

namespace Cerebellum.Engine.Cases.Tasks;

// Events of a case's human tasks and their deadlines. New tasks (dispatch, 协办) are TaskAssigned
// (Cases/CaseEvents.cs). "By" is the portal user who acted; OperationId is the client's idempotency key.

/// <summary>The assignee office claimed the task.</summary>
public sealed record TaskAccepted(Guid CaseId, string TaskKey, string? OfficeId, string By, string OperationId, DateTimeOffset At);

/// <summary>退单: the task went back to the street office covering the compound, for re-dispatch.</summary>
public sealed record TaskRejected(
    Guid CaseId, string TaskKey, string Reason, string? FromOfficeId, string? ToOfficeId, string ToOfficeName, string By,
    string OperationId, DateTimeOffset At);

/// <summary>转派: the task moved to another office; its deadline did not change.</summary>
public sealed record TaskHandedOff(
    Guid CaseId, string TaskKey, string? FromOfficeId, string ToOfficeId, string ToOfficeName, string Reason, string By,
    string OperationId, DateTimeOffset At);

/// <summary>协办: the holder of <see cref="TaskKey"/> asked <see cref="Party"/> for help; the helper's task
/// follows as a TaskAssigned with key <see cref="AssistTaskKey"/>.</summary>
public sealed record AssistanceRequested(
    Guid CaseId, string TaskKey, Party Party, string AssistTaskKey, string Reason, string By, string OperationId, DateTimeOffset At);

/// <summary>A handler's note on a task (internal case text).</summary>
public sealed record TaskNoteAdded(Guid CaseId, string TaskKey, string Note, string By, string OperationId, DateTimeOffset At);

/// <summary>The task's work is done.</summary>
public sealed record TaskResolved(Guid CaseId, string TaskKey, string Outcome, string By, string OperationId, DateTimeOffset At);

/// <summary>The task was issued again after the case was reopened, with a fresh deadline, in round <see cref="Round"/>.</summary>
public sealed record TaskReissued(
    Guid CaseId, string TaskKey, int Round, string? OfficeId, string OfficeName, DateTimeOffset DueAt, string Sla, DateTimeOffset At);

/// <summary>The task's deadline passed while it was still open.</summary>
public sealed record SlaBreached(Guid CaseId, string TaskKey, DateTimeOffset DueAt, DateTimeOffset At);

/// <summary>督办: step <see cref="Step"/> (0-based) of the definition's escalation chain was taken for the overdue
/// task: <see cref="To"/> takes the case over and <see cref="Notify"/> are told. <see cref="DueAt"/> is the
/// task's breached deadline. Mail notifications consume this event: keep its shape.</summary>
public sealed record CaseEscalated(Guid CaseId, string TaskKey, int Step, string To, IReadOnlyList<string> Notify, DateTimeOffset DueAt, DateTimeOffset At);
