using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.ManualEntries;
using Cerebellum.Rules;
using Cerebellum.Engine.Cases.Tasks;
using Marten.Events.Aggregation;

namespace Cerebellum.Engine.Cases.Inbox;

/// <summary>State: assigned, accepted, returned (退单, with the street office), done. Breached: its deadline passed while open;
/// EscalationSteps: how many 督办 steps were taken for it.</summary>
public sealed record TaskSummary(string TaskKey, Party Party, string? OfficeId, string OfficeName, DateTimeOffset DueAt, string Sla, string State,
    bool Breached = false, int EscalationSteps = 0);

/// <summary>The read model behind inboxes and lists: one row per case, updated in the same
/// transaction as the events (inline projection), so an inbox never lags behind a 202.</summary>
public sealed class CaseSummary
{
    public Guid Id { get; set; }
    /// <summary>The case stream's version (set by Marten): what a client sends back as expectedVersion.</summary>
    public long Version { get; set; }
    public string Kind { get; set; } = "";
    public string ItemType { get; set; } = "";
    public string Category { get; set; } = "";
    public RiskLevel? Level { get; set; }
    public int LevelRank { get; set; }
    public CaseStatus Status { get; set; }
    public bool IsActive { get; set; }
    public string CompoundId { get; set; } = "";
    public string BuildingId { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string BuildingLabel { get; set; } = "";
    public string LocationLabel { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public int SignalCount { get; set; }
    /// <summary>Every item on the case: signals, health reports, manual entries, …</summary>
    public int ItemCount { get; set; }
    public int ComplaintCount { get; set; }
    public List<TaskSummary> Tasks { get; set; } = [];
    /// <summary>Offices with a task on the case: the per-office inbox filters on this.</summary>
    public List<string> OfficeIds { get; set; } = [];
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? MergedInto { get; set; }
    /// <summary>The earliest deadline of a task still open; null when none is.</summary>
    public DateTimeOffset? NextDueAt { get; set; }
    /// <summary>An open task's deadline has passed (SlaBreached): the supervisor's overdue filter.</summary>
    public bool IsOverdue { get; set; }
    /// <summary>督办 has been taken on this case (CaseEscalated) since it was last (re)opened; EscalatedTo is the latest step's taker.</summary>
    public bool IsEscalated { get; set; }
    public string? EscalatedTo { get; set; }
    public List<string> FiredRuleIds { get; set; } = [];
    public string RulePack { get; set; } = "";
    /// <summary>How many times the rule pack failed on this case's items.</summary>
    public int AssessmentFailures { get; set; }
    /// <summary>The last assessment failed: a person has to judge the level (cleared by a later clean assessment).</summary>
    public bool NeedsManualTriage { get; set; }
}

public sealed class CaseSummaryProjection : SingleStreamProjection<CaseSummary, Guid>
{
    public static CaseSummary Create(CaseOpened e) => new()
    {
        Id = e.CaseId, Kind = e.Kind, ItemType = e.ItemType, Status = CaseStatus.Open, IsActive = true,
        CompoundId = e.Location.Compound, BuildingId = e.Location.Building, UnitId = e.Location.Unit,
        BuildingLabel = e.Location.BuildingLabel, LocationLabel = e.Location.Label,
        OpenedAt = e.OpenedAt, LastActivityAt = e.OpenedAt,
    };

    public static void Apply(SignalAttached e, CaseSummary s)
    {
        s.SignalCount++;
        s.ItemCount++;
        s.LastActivityAt = e.ReceivedAt > s.LastActivityAt ? e.ReceivedAt : s.LastActivityAt;
    }

    public static void Apply(HealthReportAttached e, CaseSummary s)
    {
        s.ItemCount++;
        s.LastActivityAt = e.ReceivedAt;
    }

    public static void Apply(ManualEntryAttached e, CaseSummary s)
    {
        s.ItemCount++;
        s.LastActivityAt = e.At;
    }

    public static void Apply(ComplaintAttached e, CaseSummary s)
    {
        s.ComplaintCount++;
        s.ItemCount++;
        s.LastActivityAt = e.RequestedAt > s.LastActivityAt ? e.RequestedAt : s.LastActivityAt;
    }

    public static void Apply(RiskAssessed e, CaseSummary s)
    {
        s.Level = e.Level;
        s.LevelRank = (int)e.Level;
        s.Category = e.Category;
        s.FiredRuleIds = [.. e.FiredRuleIds];
        s.RulePack = $"{e.PackId} v{e.PackVersion}";
        s.NeedsManualTriage = false;
        if (s.Status == CaseStatus.Open) s.Status = CaseStatus.Assessed;
    }

    public static void Apply(AssessmentFailed e, CaseSummary s)
    {
        s.AssessmentFailures++;
        s.NeedsManualTriage = true;
        s.RulePack = $"{e.PackId} v{e.PackVersion}";
    }

    public static void Apply(TaskAssigned e, CaseSummary s)
    {
        s.Tasks.Add(new TaskSummary(e.TaskKey, e.Party, e.OfficeId, e.OfficeName, e.DueAt, e.Sla, "assigned"));
        TaskSummaries.Refresh(s);
        if (s.Status is CaseStatus.Open or CaseStatus.Assessed) s.Status = CaseStatus.Dispatched;
    }

    public static void Apply(TaskAccepted e, CaseSummary s) => TaskSummaries.Apply(e, s);
    public static void Apply(TaskRejected e, CaseSummary s) => TaskSummaries.Apply(e, s);
    public static void Apply(TaskHandedOff e, CaseSummary s) => TaskSummaries.Apply(e, s);
    public static void Apply(TaskResolved e, CaseSummary s) => TaskSummaries.Apply(e, s);
    public static void Apply(TaskReissued e, CaseSummary s) => TaskSummaries.Apply(e, s);
    public static void Apply(TaskNoteAdded e, CaseSummary s) => s.LastActivityAt = e.At;
    public static void Apply(AssistanceRequested e, CaseSummary s) => s.LastActivityAt = e.At;
    public static void Apply(SlaBreached e, CaseSummary s) => TaskSummaries.Apply(e, s);
    public static void Apply(CaseEscalated e, CaseSummary s) => TaskSummaries.Apply(e, s);

    public static void Apply(CaseWorkStarted e, CaseSummary s) => Move(s, CaseStatus.InProgress, e.At);

    public static void Apply(CaseResolved e, CaseSummary s)
    {
        Move(s, CaseStatus.Resolved, e.At);
        s.ResolvedAt = e.At;
    }

    public static void Apply(CaseClosed e, CaseSummary s)
    {
        Move(s, CaseStatus.Closed, e.At);
        s.ClosedAt = e.At;
    }

    public static void Apply(CaseReopened e, CaseSummary s)
    {
        Move(s, CaseStatus.Reopened, e.At);
        s.ResolvedAt = null;
        s.ClosedAt = null;
    }

    public static void Apply(CaseCancelled e, CaseSummary s) => Move(s, CaseStatus.Cancelled, e.At);

    public static void Apply(CaseMergedInto e, CaseSummary s)
    {
        Move(s, CaseStatus.Merged, e.At);
        s.MergedInto = e.TargetCaseId;
    }

    public static void Apply(CaseAbsorbed e, CaseSummary s)
    {
        s.SignalCount += e.MovedSignalCount;
        s.ItemCount += e.MovedItemIds.Count;
        s.LastActivityAt = e.At;
    }

    private static void Move(CaseSummary s, CaseStatus status, DateTimeOffset at)
    {
        s.Status = status;
        s.IsActive = status.IsActive();
        s.LastActivityAt = at;
    }
}
