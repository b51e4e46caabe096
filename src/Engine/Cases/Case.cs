using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.ManualEntries;
using Cerebellum.Rules;

namespace Cerebellum.Engine.Cases;

public enum CaseStatus { Open, Assessed, Dispatched, InProgress, Resolved, Closed, Reopened, Merged, Cancelled }

public static class CaseStatusExtensions
{
    /// <summary>Active cases are the ones someone still has to act on; they hold their correlation key.</summary>
    public static bool IsActive(this CaseStatus status) =>
        status is not (CaseStatus.Resolved or CaseStatus.Closed or CaseStatus.Merged or CaseStatus.Cancelled);
}

/// <summary>The write model of a case: only what decisions need, rebuilt from the case's events.</summary>
public sealed partial record Case(
    Guid Id,
    string CorrelationKey,
    CaseLocation Location,
    DateTimeOffset OpenedAt,
    CaseStatus Status,
    int SignalCount,
    IReadOnlyList<string> DeviceIds,
    IReadOnlyList<Guid> ItemIds,
    RiskLevel? Level,
    IReadOnlyList<string> TaskKeys,
    string? WorkflowId,
    int WorkflowVersion,
    DateTimeOffset LastItemAt)
{
    // LastItemAt is in item time (when things happened, not when they arrived): the correlation window
    // then gives the same answer whether items arrive live or late from a gateway's buffer.
    public bool IsActive => Status.IsActive();

    /// <summary>Assessments of this case's items that failed (see <see cref="AssessmentFailed"/>); the level stays
    /// as it was, so the next item that assesses cleanly still records its level.</summary>
    public int AssessmentFailures { get; init; }

    public static Case Create(CaseOpened e) =>
        new(e.CaseId, e.CorrelationKey, e.Location, e.OpenedAt, CaseStatus.Open, 0, [], [], null, [], null, 0, DateTimeOffset.MinValue);

    public Case Apply(SignalAttached e) => this with
    {
        SignalCount = SignalCount + 1,
        DeviceIds = DeviceIds.Contains(e.DeviceId) ? DeviceIds : [.. DeviceIds, e.DeviceId],
        ItemIds = [.. ItemIds, e.SignalId],
        LastItemAt = Later(e.OccurredAt),
    };

    public Case Apply(HealthReportAttached e) => this with { ItemIds = [.. ItemIds, e.ReportId], LastItemAt = Later(e.OccurredAt) };

    public Case Apply(ManualEntryAttached e) => this with { ItemIds = [.. ItemIds, e.EntryId], LastItemAt = Later(e.OccurredAt) };

    public Case Apply(ComplaintAttached e) => this with { ItemIds = [.. ItemIds, e.ComplaintId], LastItemAt = Later(e.RequestedAt) };

    public Case Apply(RiskAssessed e) => this with
    {
        Level = e.Level,
        Status = Status == CaseStatus.Open ? CaseStatus.Assessed : Status,
    };

    public Case Apply(AssessmentFailed _) => this with { AssessmentFailures = AssessmentFailures + 1 };

    public Case Apply(TaskAssigned e) => this with
    {
        TaskKeys = [.. TaskKeys, e.TaskKey],
        WorkflowId = e.WorkflowId,
        WorkflowVersion = e.WorkflowVersion,
        Status = Status is CaseStatus.Open or CaseStatus.Assessed ? CaseStatus.Dispatched : Status,
    };

    private DateTimeOffset Later(DateTimeOffset at) => at > LastItemAt ? at : LastItemAt;

    public Case Apply(CaseWorkStarted _) => this with { Status = CaseStatus.InProgress };
    public Case Apply(CaseResolved _) => this with { Status = CaseStatus.Resolved };
    public Case Apply(CaseClosed _) => this with { Status = CaseStatus.Closed };
    public Case Apply(CaseReopened _) => this with { Status = CaseStatus.Reopened };
    public Case Apply(CaseCancelled _) => this with { Status = CaseStatus.Cancelled };
    public Case Apply(CaseMergedInto _) => this with { Status = CaseStatus.Merged };

    public Case Apply(CaseAbsorbed e) => this with
    {
        SignalCount = SignalCount + e.MovedSignalCount,
        DeviceIds = [.. DeviceIds.Union(e.MovedDeviceIds)],
        ItemIds = [.. ItemIds, .. e.MovedItemIds],
    };
}
