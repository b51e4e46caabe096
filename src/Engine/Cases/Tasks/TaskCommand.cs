using Cerebellum.Engine.Privacy;
using Cerebellum.Rules;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>What a handler does to a task. OperationId makes a repeat (a retried request, a double click) harmless.</summary>
public abstract record TaskAction
{
    private TaskAction() { }

    public sealed record Accept : TaskAction;
    public sealed record Reject(string Reason) : TaskAction;
    public sealed record HandOff(string ToOfficeId, string Reason) : TaskAction;
    public sealed record Assist(Party Party, string Reason) : TaskAction;
    public sealed record Note(string Text) : TaskAction;
    public sealed record Resolve(string Outcome) : TaskAction;

    /// <summary>The action's name as the HTTP route spells it.</summary>
    [Public]
    public string Name => this switch
    {
        Accept => "accept",
        Reject => "reject",
        HandOff => "hand-off",
        Assist => "assist",
        Note => "notes",
        Resolve => "resolve",
        _ => throw new InvalidOperationException(),
    };
}

/// <param name="ActorOffice">The acting user's office; null for a supervisor, who may act on any task.</param>
public sealed record TaskCommand(
    [property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Public] long ExpectedVersion, [property: Internal] string OperationId, [property: Internal] string By, [property: Internal] string? ActorOffice, [property: Internal] TaskAction Action)
{
    /// <summary>What makes two commands "the same operation": a reused operation id with another fingerprint is refused.</summary>
    [Internal]
    public string Fingerprint => $"{TaskKey}|{Action}";
}

public enum TaskCommandStatus { Done, CaseNotFound, TaskNotFound, Forbidden, Conflict, Refused, OperationReused }

/// <summary>What a task command did. Version is the case's version after it (the current one on a conflict or refusal).</summary>
public sealed record TaskCommandResult(TaskCommandStatus Status, long Version, string? Problem = null);

/// <summary>Remembers an operation id's first result, so a repeat answers it and appends nothing. Stored in the
/// same transaction as the events it produced.</summary>
public sealed record TaskOperation([property: Internal] string Id, [property: Internal] string Fingerprint, [property: Public] long Version, [property: Public] DateTimeOffset At)
{
    public static string IdFor(Guid caseId, string operationId) => $"{caseId:N}:{operationId}";
}
