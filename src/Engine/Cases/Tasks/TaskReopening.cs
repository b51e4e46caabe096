using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Policies;
using Cerebellum.Workflows.Interpreter;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>Reopening a case (staff, or unsatisfied 回访 feedback) issues its tasks again with fresh deadlines,
/// to the offices that held them. Use this instead of CaseTransitions.Reopen wherever a case is reopened, and
/// schedule the timers of the events (DeadlineTimers) in the same transaction.</summary>
public static class TaskReopening
{
    public static Decision Reopen(Case c, PolicyCatalog policies, string by, string reason, DateTimeOffset now)
    {
        var reopen = CaseTransitions.Reopen(c, by, reason, now);
        if (reopen.Refusal is not null || CaseWorkflow.DefinitionOf(c, policies) is not { } definition) return reopen;

        var outcome = WorkflowInterpreter.Decide(definition, c.ToWorkflowState(), new WorkflowTrigger.CaseReopened(), now, policies.Calendar);
        var reissued = outcome.Decisions.OfType<WorkflowDecision.IssueTask>().Select(i =>
        {
            var task = c.FindTask(i.TaskKey)!;
            return (object)new TaskReissued(c.Id, i.TaskKey, i.Round, task.OfficeId, task.OfficeName, i.DueAt, i.SlaText, now);
        });
        return new Decision([.. reopen.Events, .. reissued], null);
    }
}
