using Cerebellum.Rules;

namespace Cerebellum.Workflows.Interpreter;

/// <summary>What the Engine must record or do because of a trigger. Pure data: the Engine turns each into
/// case events and Wolverine scheduled messages.</summary>
public abstract record WorkflowDecision
{
    private WorkflowDecision() { }

    /// <summary>Issue a task (or re-issue it, with <see cref="Round"/> above 0). The Engine picks the office by jurisdiction.</summary>
    public sealed record IssueTask(string TaskKey, Party Party, DateTimeOffset DueAt, string SlaText, int Round) : WorkflowDecision;

    /// <summary>Give a task to an office of <see cref="Party"/> covering the case (退单 goes to the street office).</summary>
    public sealed record RouteTask(string TaskKey, Party Party) : WorkflowDecision;

    /// <summary>Wake up at <see cref="At"/> for the task's <see cref="Step"/> (0 = its deadline, then escalation steps).</summary>
    public sealed record SetDeadline(string TaskKey, int Round, int Step, DateTimeOffset At) : WorkflowDecision;

    /// <summary>The task's deadline passed with the task still open.</summary>
    public sealed record RecordSlaBreach(string TaskKey, DateTimeOffset DueAt) : WorkflowDecision;

    /// <summary>督办: step <see cref="Step"/> of the escalation chain, handing the case to <see cref="To"/>.</summary>
    public sealed record Escalate(string TaskKey, int Step, string To, IReadOnlyList<string> Notify, DateTimeOffset DueAt) : WorkflowDecision
    {
        // Value equality over the notify list too, so two identical decisions compare equal.
        public bool Equals(Escalate? other) => other is not null && TaskKey == other.TaskKey && Step == other.Step &&
            To == other.To && DueAt == other.DueAt && Notify.SequenceEqual(other.Notify);

        public override int GetHashCode() => HashCode.Combine(TaskKey, Step, To, DueAt, Notify.Count);
    }

    /// <summary>Every task is done and the definition's closure says that resolves the case.</summary>
    public sealed record ResolveCase(string LastTaskKey) : WorkflowDecision;
}

/// <summary>The interpreter's answer: decisions, or why the trigger is refused (nothing is recorded then).</summary>
public sealed record WorkflowOutcome(IReadOnlyList<WorkflowDecision> Decisions, string? Refusal)
{
    public static WorkflowOutcome Nothing { get; } = new([], null);

    public static WorkflowOutcome Of(params WorkflowDecision[] decisions) => new(decisions, null);

    public static WorkflowOutcome Refuse(string reason) => new([], reason);

    public bool Refused => Refusal is not null;
}
