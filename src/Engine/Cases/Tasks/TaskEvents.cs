using Cerebellum.Engine.Privacy;
using Cerebellum.Rules;

namespace Cerebellum.Engine.Cases.Tasks;

// Events of a case's human tasks and their deadlines. New tasks (dispatch, 协办) are TaskAssigned
// (Cases/CaseEvents.cs). "By" is the portal user who acted; OperationId is the client's idempotency key.

/// <summary>The assignee office claimed the task.</summary>
public sealed record TaskAccepted([property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Public] string? OfficeId, [property: Internal] string By, [property: Internal] string OperationId, [property: Public] DateTimeOffset At);

/// <summary>退单: the task went back to the street office covering the compound, for re-dispatch.</summary>
public sealed record TaskRejected(
    [property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Internal(MaskFormat.FreeText)] string Reason, [property: Public] string? FromOfficeId, [property: Public] string? ToOfficeId, [property: Public] string ToOfficeName, [property: Internal] string By,
    [property: Internal] string OperationId, [property: Public] DateTimeOffset At);

/// <summary>转派: the task moved to another office; its deadline did not change.</summary>
public sealed record TaskHandedOff(
    [property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Public] string? FromOfficeId, [property: Public] string ToOfficeId, [property: Public] string ToOfficeName, [property: Internal(MaskFormat.FreeText)] string Reason, [property: Internal] string By,
    [property: Internal] string OperationId, [property: Public] DateTimeOffset At);

/// <summary>协办: the holder of <see cref="TaskKey"/> asked <see cref="Party"/> for help; the helper's task
/// follows as a TaskAssigned with key <see cref="AssistTaskKey"/>.</summary>
public sealed record AssistanceRequested(
    [property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Public] Party Party, [property: Public] string AssistTaskKey, [property: Internal(MaskFormat.FreeText)] string Reason, [property: Internal] string By, [property: Internal] string OperationId, [property: Public] DateTimeOffset At);

/// <summary>A handler's note on a task (internal case text).</summary>
public sealed record TaskNoteAdded([property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Internal(MaskFormat.FreeText)] string Note, [property: Internal] string By, [property: Internal] string OperationId, [property: Public] DateTimeOffset At);

/// <summary>The task's work is done.</summary>
public sealed record TaskResolved([property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Internal(MaskFormat.FreeText)] string Outcome, [property: Internal] string By, [property: Internal] string OperationId, [property: Public] DateTimeOffset At);

/// <summary>The task was issued again after the case was reopened, with a fresh deadline, in round <see cref="Round"/>.</summary>
public sealed record TaskReissued(
    [property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Public] int Round, [property: Public] string? OfficeId, [property: Public] string OfficeName, [property: Public] DateTimeOffset DueAt, [property: Public] string Sla, [property: Public] DateTimeOffset At);

/// <summary>The task's deadline passed while it was still open.</summary>
public sealed record SlaBreached([property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Public] DateTimeOffset DueAt, [property: Public] DateTimeOffset At);

/// <summary>督办: step <see cref="Step"/> (0-based) of the definition's escalation chain was taken for the overdue
/// task: <see cref="To"/> takes the case over and <see cref="Notify"/> are told. <see cref="DueAt"/> is the
/// task's breached deadline. Mail notifications consume this event: keep its shape.</summary>
public sealed record CaseEscalated([property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Public] int Step, [property: Public] string To, [property: Public] IReadOnlyList<string> Notify, [property: Public] DateTimeOffset DueAt, [property: Public] DateTimeOffset At);
