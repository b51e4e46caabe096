using Cerebellum.Rules;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>A task decided by routing, with the office that will receive it.</summary>
public sealed record OfficeTask(string TaskKey, Party Party, string? OfficeId, string OfficeName, DateTimeOffset DueAt, string Sla);

/// <summary>Pure decisions for a new item on a case: state + item + assessment + routing → events.</summary>
/// <remarks>A failed assessment records <see cref="AssessmentFailed"/> instead of <see cref="RiskAssessed"/>; the
/// item is attached all the same and the tasks (manual triage) are issued, so nothing waits on a broken rule.</remarks>
public static class CaseDecisions
{
    /// <param name="attached">The item's own event (SignalAttached, HealthReportAttached, …) for this case.</param>
    public static IReadOnlyList<object> OnItem(
        Case? current, Guid caseId, string correlationKey, CaseLocation location, IncomingItem item, object attached,
        AssessmentOutcome outcome, IReadOnlyList<OfficeTask> tasks, string workflowId, int workflowVersion, DateTimeOffset now)
    {
        var events = new List<object>();
        if (current is null)
            events.Add(new CaseOpened(caseId, correlationKey, item.ItemType, item.Kind, location, now));
        events.Add(attached);

        // A later item can raise a case's level but never lower it (a quieter repeat of a smoke alarm
        // does not make the fire smaller); unchanged re-assessments are not recorded, so a storm of
        // identical alarms does not bury the timeline.
        if (outcome is AssessmentFailure failure)
            events.Add(new AssessmentFailed(caseId, failure.PackId, failure.PackVersion, failure.RuleId, failure.Message, now));
        else if (outcome is Assessed { Assessment: var assessment, FactsDigest: var digest } &&
                 (current?.Level is not { } level || assessment.Level > level))
            events.Add(new RiskAssessed(caseId, assessment.Level, assessment.Category, assessment.Parties,
                assessment.PackId, assessment.PackVersion,
                assessment.FiredRules.Select(r => r.Id).ToList(),
                assessment.FiredRules.Select(r => r.Reason.ZhCn).ToList(), now, digest));

        var known = current?.TaskKeys ?? [];
        foreach (var task in tasks.Where(t => !known.Contains(t.TaskKey)))
            events.Add(new TaskAssigned(caseId, task.TaskKey, task.Party, task.OfficeId, task.OfficeName,
                task.DueAt, task.Sla, workflowId, workflowVersion, now));
        return events;
    }
}
