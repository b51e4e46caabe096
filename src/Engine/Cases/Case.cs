using Cerebellum.Rules;

namespace Cerebellum.Engine.Cases;

public enum CaseStatus { Open, Assessed, Dispatched, InProgress, Resolved, Closed, Reopened, Merged, Cancelled }

/// <summary>The write model of a case: only what decisions need, rebuilt from the case's events.</summary>
public sealed record Case(
    Guid Id,
    string CorrelationKey,
    CaseLocation Location,
    DateTimeOffset OpenedAt,
    CaseStatus Status,
    int SignalCount,
    IReadOnlyList<string> DeviceIds,
    RiskLevel? Level,
    IReadOnlyList<string> TaskKeys,
    string? WorkflowId,
    int WorkflowVersion,
    int ComplaintCount = 0)
{
    public bool IsActive => Status is not (CaseStatus.Resolved or CaseStatus.Closed or CaseStatus.Merged or CaseStatus.Cancelled);

    public static Case Create(CaseOpened e) =>
        new(e.CaseId, e.CorrelationKey, e.Location, e.OpenedAt, CaseStatus.Open, 0, [], null, [], null, 0);

    public Case Apply(SignalAttached e) => this with
    {
        SignalCount = SignalCount + 1,
        DeviceIds = DeviceIds.Contains(e.DeviceId) ? DeviceIds : [.. DeviceIds, e.DeviceId],
    };

    public Case Apply(ComplaintAttached e) => this with { ComplaintCount = ComplaintCount + 1 };

    public Case Apply(RiskAssessed e) => this with
    {
        Level = e.Level,
        Status = Status == CaseStatus.Open ? CaseStatus.Assessed : Status,
    };

    public Case Apply(TaskAssigned e) => this with
    {
        TaskKeys = [.. TaskKeys, e.TaskKey],
        WorkflowId = e.WorkflowId,
        WorkflowVersion = e.WorkflowVersion,
        Status = Status is CaseStatus.Open or CaseStatus.Assessed ? CaseStatus.Dispatched : Status,
    };
}
