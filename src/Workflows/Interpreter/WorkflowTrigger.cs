using Cerebellum.Rules;

namespace Cerebellum.Workflows.Interpreter;

/// <summary>What happened to a case that the workflow may have to answer.</summary>
public abstract record WorkflowTrigger
{
    private WorkflowTrigger() { }

    /// <summary>The case was assessed for the first time.</summary>
    public sealed record Assessed(RoutingInput Input) : WorkflowTrigger;

    /// <summary>A later item re-assessed the case: the level rose or the parties grew.</summary>
    public sealed record Reassessed(RoutingInput Input) : WorkflowTrigger;

    /// <summary>The assignee office claimed the task.</summary>
    public sealed record TaskAccepted(string TaskKey) : WorkflowTrigger;

    /// <summary>退单: the assignee says the task is not theirs; it goes back to the street office.</summary>
    public sealed record TaskRejected(string TaskKey, string Reason) : WorkflowTrigger;

    /// <summary>转派: the task moves to another office (named by the Engine), deadline unchanged.</summary>
    public sealed record TaskHandedOff(string TaskKey, string Reason) : WorkflowTrigger;

    /// <summary>协办: the holder of a task asks another party for help; that party gets its own task.</summary>
    public sealed record AssistanceRequested(string TaskKey, Party From, string Reason) : WorkflowTrigger;

    /// <summary>The task's work is done.</summary>
    public sealed record TaskResolved(string TaskKey, string Outcome) : WorkflowTrigger;

    /// <summary>A timer fired: the task's deadline (Step 0) or the escalation step it was scheduled for.</summary>
    public sealed record DeadlineReached(string TaskKey, int Round, int Step) : WorkflowTrigger;

    /// <summary>The case was reopened (unsatisfied feedback or staff): every task is issued again.</summary>
    public sealed record CaseReopened : WorkflowTrigger;
}
