using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Rules;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>A task decided by routing, with the office that will receive it.</summary>
public sealed record OfficeTask(string TaskKey, Party Party, string? OfficeId, string OfficeName, DateTimeOffset DueAt, string Sla);

/// <summary>Pure decisions for a new item on a case: state + item + assessment + routing → events.</summary>
public static class CaseDecisions
{
    public static IReadOnlyList<object> OnSignal(
        Case? current, Guid caseId, string correlationKey, CaseLocation location, SignalRecord signal,
        Assessment assessment, IReadOnlyList<OfficeTask> tasks, string workflowId, int workflowVersion,
        DateTimeOffset now)
    {
        var events = new List<object>();
        if (current is null)
            events.Add(new CaseOpened(caseId, correlationKey, "signal", signal.Kind, location, now));

        events.Add(new SignalAttached(caseId, signal.Id, signal.Source, signal.MessageId, signal.DeviceId,
            signal.Kind, signal.Severity, signal.OccurredAt, signal.ReceivedAt));
        AssessAndDispatch(events, current, caseId, assessment, tasks, workflowId, workflowVersion, now);
        return events;
    }

    public static IReadOnlyList<object> OnComplaint(
        Case? current, Guid caseId, string correlationKey, CaseLocation location, ComplaintRecord complaint,
        Assessment assessment, IReadOnlyList<OfficeTask> tasks, string workflowId, int workflowVersion,
        DateTimeOffset now)
    {
        var events = new List<object>();
        if (current is null)
            events.Add(new CaseOpened(caseId, correlationKey, "complaint", complaint.Kind, location, now));

        events.Add(new ComplaintAttached(caseId, complaint.Id, complaint.ServiceCode, complaint.Kind,
            complaint.Description, complaint.Channel, complaint.RequestedAt));
        AssessAndDispatch(events, current, caseId, assessment, tasks, workflowId, workflowVersion, now);
        return events;
    }

    private static void AssessAndDispatch(
        List<object> events, Case? current, Guid caseId, Assessment assessment, IReadOnlyList<OfficeTask> tasks,
        string workflowId, int workflowVersion, DateTimeOffset now)
    {

        // A later item (signal or complaint) can raise a case's level but never lower it (a quieter repeat of a smoke alarm
        // does not make the fire smaller); unchanged re-assessments are not recorded, so a storm of
        // identical alarms does not bury the timeline.
        if (current?.Level is not { } level || assessment.Level > level)
            events.Add(new RiskAssessed(caseId, assessment.Level, assessment.Category, assessment.Parties,
                assessment.PackId, assessment.PackVersion,
                assessment.FiredRules.Select(r => r.Id).ToList(),
                assessment.FiredRules.Select(r => r.Reason.ZhCn).ToList(), now));

        var known = current?.TaskKeys ?? [];
        foreach (var task in tasks.Where(t => !known.Contains(t.TaskKey)))
            events.Add(new TaskAssigned(caseId, task.TaskKey, task.Party, task.OfficeId, task.OfficeName,
                task.DueAt, task.Sla, workflowId, workflowVersion, now));
    }
}
