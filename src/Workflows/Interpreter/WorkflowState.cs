using Cerebellum.Rules;

namespace Cerebellum.Workflows.Interpreter;

/// <summary>Where a task stands. <see cref="Returned"/> is a rejected task (退单) now held by the street
/// office until it re-dispatches it (转派) or handles it itself.</summary>
public enum WorkflowTaskStatus { Assigned, Accepted, Returned, Done }

/// <summary>One task of a case as the interpreter sees it. <see cref="Round"/> counts re-issues (a reopened
/// case issues every task again): a timer scheduled for an earlier round is stale and does nothing.</summary>
public sealed record WorkflowTask(
    string Key,
    Party Party,
    WorkflowTaskStatus Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset DueAt,
    string SlaText,
    int Round = 0,
    bool Breached = false,
    int StepsTaken = 0)
{
    public bool IsOpen => Status != WorkflowTaskStatus.Done;

    /// <summary>The shape Router's escalation functions take.</summary>
    public TaskDecision AsDecision() => new(Key, Party, null, SlaText, DueAt);
}

/// <summary>What the interpreter needs of a case: its level, whether someone still has to act on it, and its tasks.</summary>
public sealed record WorkflowState(RiskLevel? Level, bool CaseActive, IReadOnlyList<WorkflowTask> Tasks)
{
    public static WorkflowState New { get; } = new(null, true, []);

    public WorkflowTask? Find(string key) => Tasks.FirstOrDefault(t => t.Key == key);
}
