using Cerebellum.Engine.Cases.Inbox;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>How task events change the inbox row (CaseSummary): each task's state, holder and deadline, the
/// earliest open deadline, and the overdue / escalated flags the supervisor's inbox filters on.</summary>
public static class TaskSummaries
{
    public static void Apply(TaskAccepted e, CaseSummary s)
    {
        Change(s, e.TaskKey, t => t with { State = "accepted" }, e.At);
        if (s.Status is CaseStatus.Dispatched or CaseStatus.Assessed or CaseStatus.Reopened) s.Status = CaseStatus.InProgress;
    }

    public static void Apply(TaskRejected e, CaseSummary s) =>
        Change(s, e.TaskKey, t => t with { State = "returned", OfficeId = e.ToOfficeId, OfficeName = e.ToOfficeName }, e.At);

    public static void Apply(TaskHandedOff e, CaseSummary s) =>
        Change(s, e.TaskKey, t => t with { State = "assigned", OfficeId = e.ToOfficeId, OfficeName = e.ToOfficeName }, e.At);

    public static void Apply(TaskResolved e, CaseSummary s) => Change(s, e.TaskKey, t => t with { State = "done" }, e.At);

    public static void Apply(TaskReissued e, CaseSummary s)
    {
        Change(s, e.TaskKey, t => t with { State = "assigned", DueAt = e.DueAt, Sla = e.Sla, Breached = false, EscalationSteps = 0 }, e.At);
        s.IsEscalated = false;
        s.EscalatedTo = null;
    }

    public static void Apply(SlaBreached e, CaseSummary s) => Change(s, e.TaskKey, t => t with { Breached = true }, e.At);

    public static void Apply(CaseEscalated e, CaseSummary s)
    {
        Change(s, e.TaskKey, t => t with { EscalationSteps = Math.Max(t.EscalationSteps, e.Step + 1) }, e.At);
        s.IsEscalated = true;
        s.EscalatedTo = e.To;
    }

    /// <summary>Recomputes what depends on every task: offices on the case, earliest open deadline, overdue.</summary>
    public static void Refresh(CaseSummary s)
    {
        foreach (var office in s.Tasks.Select(t => t.OfficeId).OfType<string>())
            if (!s.OfficeIds.Contains(office)) s.OfficeIds.Add(office);
        var open = s.Tasks.Where(t => t.State != "done").ToList();
        s.NextDueAt = open.Count == 0 ? null : open.Min(t => t.DueAt);
        s.IsOverdue = open.Any(t => t.Breached);
    }

    private static void Change(CaseSummary s, string key, Func<TaskSummary, TaskSummary> change, DateTimeOffset at)
    {
        s.Tasks = [.. s.Tasks.Select(t => t.TaskKey == key ? change(t) : t)];
        s.LastActivityAt = at > s.LastActivityAt ? at : s.LastActivityAt;
        Refresh(s);
    }
}
