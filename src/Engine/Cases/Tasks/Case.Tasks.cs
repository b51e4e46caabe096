using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Workflows.Interpreter;

namespace Cerebellum.Engine.Cases;

// The task half of the case's write model: what the workflow interpreter and the task commands decide on.
public sealed partial record Case
{
    public IReadOnlyList<CaseTask> Tasks { get; init; } = [];

    public CaseTask? FindTask(string key) => Tasks.FirstOrDefault(t => t.Key == key);

    public WorkflowState ToWorkflowState() => new(Level, IsActive, [.. Tasks.Select(t => t.ToWorkflow())]);

    public Case Apply(TaskAccepted e) => Change(e.TaskKey, t => t with { Status = WorkflowTaskStatus.Accepted }) with
    {
        Status = Status is CaseStatus.Dispatched or CaseStatus.Assessed or CaseStatus.Reopened ? CaseStatus.InProgress : Status,
    };

    public Case Apply(TaskRejected e) =>
        Change(e.TaskKey, t => t with { Status = WorkflowTaskStatus.Returned, OfficeId = e.ToOfficeId, OfficeName = e.ToOfficeName });

    public Case Apply(TaskHandedOff e) =>
        Change(e.TaskKey, t => t with { Status = WorkflowTaskStatus.Assigned, OfficeId = e.ToOfficeId, OfficeName = e.ToOfficeName });

    public Case Apply(TaskResolved e) => Change(e.TaskKey, t => t with { Status = WorkflowTaskStatus.Done });

    public Case Apply(TaskReissued e) => Change(e.TaskKey, t => t with
    {
        Status = WorkflowTaskStatus.Assigned, Round = e.Round, IssuedAt = e.At, DueAt = e.DueAt, Sla = e.Sla,
        Breached = false, StepsTaken = 0, OfficeId = e.OfficeId, OfficeName = e.OfficeName,
    });

    public Case Apply(SlaBreached e) => Change(e.TaskKey, t => t with { Breached = true });

    public Case Apply(CaseEscalated e) => Change(e.TaskKey, t => t with { StepsTaken = Math.Max(t.StepsTaken, e.Step + 1) });

    // Recorded for the timeline only; they change no decision.
    public Case Apply(AssistanceRequested _) => this;
    public Case Apply(TaskNoteAdded _) => this;

    private static CaseTask Issued(TaskAssigned e) =>
        new(e.TaskKey, e.Party, e.OfficeId, e.OfficeName, WorkflowTaskStatus.Assigned, e.AssignedAt, e.DueAt, e.Sla);

    private Case Change(string key, Func<CaseTask, CaseTask> change) =>
        this with { Tasks = [.. Tasks.Select(t => t.Key == key ? change(t) : t)] };
}
