namespace Cerebellum.Workflows;

/// <summary>
/// One rung of the escalation (督办) chain. <see cref="After"/> is measured from the breached
/// task's deadline, in elapsed time: supervision of an overdue case does not pause for holidays.
/// </summary>
/// <param name="After">Delay after the breach; zero means at the moment of breach.</param>
/// <param name="AfterText">The delay as written, e.g. "2h", for display and audit.</param>
/// <param name="To">Role or office key that takes the case over, e.g. "street-supervisor".</param>
/// <param name="Notify">Roles or parties to notify; free keys resolved by the Engine.</param>
public sealed record EscalationStep(TimeSpan After, string AfterText, string To, IReadOnlyList<string> Notify);
