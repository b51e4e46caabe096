using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Policies;
using Cerebellum.Workflows;

namespace Cerebellum.Engine.Cases.Feedback;

/// <summary>The events that record the closed loop's outcome (ClosureDecider decides it). Pure.</summary>
public static class FeedbackDecisions
{
    public const string Resident = "resident";
    public const string System = "system";

    /// <summary>A case that never got a workflow (or whose definition is gone) closes by the fallback
    /// definition's policy, else by this one: a week, unsatisfied reopens.</summary>
    public static readonly ClosurePolicy DefaultPolicy = new(RequireAllTasksDone: true, FeedbackWithinDays: 7, ReopenOnUnsatisfied: true);

    /// <summary>The closure policy of the definition the case is pinned to (Case.WorkflowId/WorkflowVersion).</summary>
    public static ClosurePolicy PolicyFor(Case c, PolicyCatalog policies) =>
        (c.WorkflowId is { } id ? policies.Routing.Find(id, c.WorkflowVersion) : null)?.Closure
        ?? (policies.Routing.TrySelect(RoutingDefinition.AnyCategory, out var fallback) ? fallback.Closure : DefaultPolicy);

    public static IReadOnlyList<object> Answered(
        Case c, PolicyCatalog policies, Guid requestId, FeedbackAnswer answer, ClosureOutcome outcome, DateTimeOffset now)
    {
        var comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim();
        return [new FeedbackReceived(c.Id, requestId, answer.Satisfied, answer.Rating, comment, now),
            .. Concluded(c, policies, requestId, outcome, Resident, now, answer.Rating)];
    }

    /// <summary>Reopening goes through TaskReopening, the one way a case is reopened: its tasks are re-issued with fresh
    /// deadlines (the caller schedules their timers).</summary>
    public static IReadOnlyList<object> Concluded(
        Case c, PolicyCatalog policies, Guid requestId, ClosureOutcome outcome, string by, DateTimeOffset now, int? rating = null)
    {
        var note = outcome.Reason switch
        {
            CloseReason.Satisfied => $"回访满意（评分 {rating}）",
            CloseReason.Unsatisfied => $"回访不满意（评分 {rating}）",
            _ => "回访期满未答复",
        };
        IReadOnlyList<object> next = outcome.Reopen ? Tasks.TaskReopening.Reopen(c, policies, by, note, now).Events : [new CaseClosed(c.Id, by, note, now)];
        return [new FeedbackConcluded(c.Id, requestId, outcome.Reason, outcome.Reopen, now), .. next];
    }
}
