using Cerebellum.Rules;

namespace Cerebellum.Workflows;

/// <summary>
/// The interpreter: pure functions from definition + case facts + the current instant to
/// decisions. It keeps no state; the Engine records the decisions as events.
/// </summary>
public static class Router
{
    /// <summary>
    /// The tasks to issue when a case is assessed, all at once (three-way parallel dispatch),
    /// in definition order. The caller chose the definition (see RoutingCatalog), so the
    /// category is not re-checked here: a case keeps its definition even if re-assessment
    /// later changes its category.
    /// </summary>
    public static IReadOnlyList<TaskDecision> Dispatch(RoutingDefinition definition, RoutingInput input, DateTimeOffset now, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(input.Level))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Level, "unknown risk level");
        }

        var decisions = new List<TaskDecision>();
        foreach (var task in definition.Tasks.Where(t => t.AppliesTo(input)))
        {
            if (!task.Sla.TryGetValue(input.Level, out var sla))
            {
                // The loader rejects such definitions; one built by hand could still get here.
                throw new InvalidOperationException($"{definition}: task '{task.Key}' has no SLA for level {input.Level}");
            }

            decisions.Add(new TaskDecision(task.Key, task.Party, sla.FixedLength, sla.Text, SlaCalculator.DueAt(sla, now, calendar)));
        }

        return decisions;
    }

    /// <summary>
    /// Dispatch after a re-assessment: only the tasks whose keys have not been issued yet.
    /// Existing tasks keep their original deadline; a level change does not restart their clock.
    /// </summary>
    public static IReadOnlyList<TaskDecision> DispatchNew(
        RoutingDefinition definition, RoutingInput input, IEnumerable<string> issuedTaskKeys, DateTimeOffset now, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(issuedTaskKeys);
        var issued = issuedTaskKeys.ToHashSet(StringComparer.Ordinal);
        return [.. Dispatch(definition, input, now, calendar).Where(d => !issued.Contains(d.TaskKey))];
    }

    /// <summary>
    /// Parties the assessment named that the definition has no task for. Dispatch ignores them;
    /// the Engine should surface them, since a rule asked for a party nobody will notify.
    /// </summary>
    public static IReadOnlyList<Party> UnroutedParties(RoutingDefinition definition, RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(input);
        return [.. input.Parties.Distinct().Where(p => definition.Tasks.All(t => t.Party != p))];
    }

    /// <summary>
    /// The next escalation step for an overdue task, or null if the task is not overdue, the
    /// next step's delay has not elapsed yet, or the chain is exhausted. Steps are taken one
    /// at a time and never skipped, so each is recorded even when a timer fires late.
    /// </summary>
    public static EscalationDecision? Escalate(RoutingDefinition definition, TaskDecision task, int stepsAlreadyTaken, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentOutOfRangeException.ThrowIfNegative(stepsAlreadyTaken);
        var chain = definition.Escalation;
        if (stepsAlreadyTaken >= chain.Count || now < task.DueAt)
        {
            return null;
        }

        var step = chain[stepsAlreadyTaken];
        var stepDueAt = task.DueAt + step.After;
        if (now < stepDueAt)
        {
            return null;
        }

        DateTimeOffset? nextStepAt = stepsAlreadyTaken + 1 < chain.Count ? task.DueAt + chain[stepsAlreadyTaken + 1].After : null;
        return new EscalationDecision(task.TaskKey, stepsAlreadyTaken, step, stepDueAt, now - task.DueAt, nextStepAt);
    }

    /// <summary>When the next escalation step falls due: where the Engine schedules its timer. Null when the chain is exhausted.</summary>
    public static DateTimeOffset? NextEscalationAt(RoutingDefinition definition, TaskDecision task, int stepsAlreadyTaken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentOutOfRangeException.ThrowIfNegative(stepsAlreadyTaken);
        return stepsAlreadyTaken < definition.Escalation.Count ? task.DueAt + definition.Escalation[stepsAlreadyTaken].After : null;
    }
}
