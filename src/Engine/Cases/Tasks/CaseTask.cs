using Cerebellum.Rules;
using Cerebellum.Workflows.Interpreter;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>One task of a case in the write model: the interpreter's view plus the office holding it.</summary>
public sealed record CaseTask(
    string Key,
    Party Party,
    string? OfficeId,
    string OfficeName,
    WorkflowTaskStatus Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset DueAt,
    string Sla,
    int Round = 0,
    bool Breached = false,
    int StepsTaken = 0)
{
    public WorkflowTask ToWorkflow() => new(Key, Party, Status, IssuedAt, DueAt, Sla, Round, Breached, StepsTaken);
}
