namespace Cerebellum.Workflows;

/// <summary>
/// One escalation step to carry out now for an overdue task.
/// </summary>
/// <param name="TaskKey">The breached task.</param>
/// <param name="StepIndex">0-based index into the definition's escalation chain; record StepIndex + 1 as steps taken.</param>
/// <param name="Step">The step as defined.</param>
/// <param name="StepDueAt">When this step became due: the task deadline plus the step's delay.</param>
/// <param name="OverdueBy">How long past the task deadline <c>now</c> is.</param>
/// <param name="NextStepAt">When the following step becomes due, for scheduling the next timer; null at the end of the chain.
/// It may already be in the past if the timer fired late; then call Escalate again at once.</param>
public sealed record EscalationDecision(
    string TaskKey,
    int StepIndex,
    EscalationStep Step,
    DateTimeOffset StepDueAt,
    TimeSpan OverdueBy,
    DateTimeOffset? NextStepAt)
{
    public string To => Step.To;

    public IReadOnlyList<string> Notify => Step.Notify;
}
