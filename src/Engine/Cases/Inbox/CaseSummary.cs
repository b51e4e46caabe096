using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.ManualEntries;
using Cerebellum.Rules;
using Cerebellum.Engine.Cases.Tasks;
using Marten.Events.Aggregation;

namespace Cerebellum.Engine.Cases.Inbox;

/// <summary>State: assigned, accepted, returned (退单, with the street office), done. Breached: its deadline passed while open;
/// EscalationSteps: how many 督办 steps were taken for it.</summary>
public sealed record TaskSummary(
    [property: Public] string TaskKey, [property: Public] Party Party, [property: Public] string? OfficeId, [property: Public] string OfficeName,
    [property: Public] DateTimeOffset DueAt, [property: Public] string Sla, [property: Public] string State,
    [property: Public] bool Breached = false, [property: Public] int EscalationSteps = 0);

/// <summary>The read model behind inboxes and lists: one row per case, updated in the same
/// transaction as the events (inline projection), so an inbox never lags behind a 202.</summary>
public sealed class CaseSummary
{
    [Public]
    public Guid Id { get; set; }
    /// <summary>The case stream's version (set by Marten): what a client sends back as expectedVersion.</summary>
    [Public]
    public long Version { get; set; }
    [Public]
    public string Kind { get; set; } = "";
    [Public]
    public string ItemType { get; set; } = "";
    [Public]
    public string Category { get; set; } = "";
    [Public]
    public RiskLevel? Level { get; set; }
    [Public]
    public int LevelRank { get; set; }
    [Public]
    public CaseStatus Status { get; set; }
    [Public]
    public bool IsActive { get; set; }
    [Public]
    public string CompoundId { get; set; } = "";
    [Public]
    public string BuildingId { get; set; } = "";
    [Internal(MaskFormat.Unit)]
    public string UnitId { get; set; } = "";
    [Public]
    public string BuildingLabel { get; set; } = "";
    [Internal(MaskFormat.Unit)]
    public string LocationLabel { get; set; } = "";
    [Public]
    public DateTimeOffset OpenedAt { get; set; }
    [Public]
    public DateTimeOffset LastActivityAt { get; set; }
    [Public]
    public int SignalCount { get; set; }
    /// <summary>Every item on the case: signals, health reports, manual entries, …</summary>
    [Public]
    public int ItemCount { get; set; }
    [Public]
    public int ComplaintCount { get; set; }
    [Public]
    public List<TaskSummary> Tasks { get; set; } = [];
    /// <summary>Offices with a task on the case: the per-office inbox filters on this.</summary>
    [Public]
    public List<string> OfficeIds { get; set; } = [];
    [Public]
    public DateTimeOffset? ResolvedAt { get; set; }
    [Public]
    public DateTimeOffset? ClosedAt { get; set; }
    [Public]
    public Guid? MergedInto { get; set; }
    /// <summary>The earliest deadline of a task still open; null when none is.</summary>
    [Public]
    public DateTimeOffset? NextDueAt { get; set; }
    /// <summary>An open task's deadline has passed (SlaBreached): the supervisor's overdue filter.</summary>
    [Public]
    public bool IsOverdue { get; set; }
    /// <summary>督办 has been taken on this case (CaseEscalated) since it was last (re)opened; EscalatedTo is the latest step's taker.</summary>
    [Public]
    public bool IsEscalated { get; set; }
    [Public]
    public string? EscalatedTo { get; set; }
    [Public]
    public List<string> FiredRuleIds { get; set; } = [];
    [Public]
    public string RulePack { get; set; } = "";
    /// <summary>How many times the rule pack failed on this case's items.</summary>
    [Public]
    public int AssessmentFailures { get; set; }
    /// <summary>The last assessment failed: a person has to judge the level (cleared by a later clean assessment).</summary>
    [Public]
    public bool NeedsManualTriage { get; set; }
    /// <summary>Retention's progress: 0 nothing erased, 1 sensitive data erased, 2 personal data erased too.</summary>
    [Public]
    public int ErasureStage { get; set; }
    [Public]
    public DateTimeOffset? ErasedAt { get; set; }
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

    /// <summary>The summary holds unit-level places (internal): cut back to the building like the events.</summary>
    public static CaseSummary Apply(Privacy.Retention.CaseDataErased e, CaseSummary s)
    {
        var erased = Privacy.Erasure.Erase(s, e.From);
        erased.ErasureStage = Math.Max(s.ErasureStage, e.From == Privacy.DataClass.Sensitive ? 1 : 2);
        erased.ErasedAt = e.At;
        return erased;
    }

    private static void Move(CaseSummary s, CaseStatus status, DateTimeOffset at)
    {
        s.Status = status;
        s.IsActive = status.IsActive();
        s.LastActivityAt = at;
    }
}
