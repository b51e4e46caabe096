using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Cerebellum.Engine.Policies.Publishing;
using Cerebellum.Engine.Registry;
using Cerebellum.Rules;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Workflows;
using Cerebellum.Workflows.Interpreter;
using System.Diagnostics;
using Cerebellum.Engine.Observability;
using Marten;
using Wolverine;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>The one path by which any item opens or joins a case: correlate, assess with the rule
/// pack in force, route, append. The caller commits the session, so the item's own bookkeeping
/// (e.g. marking a signal processed) lands in the same transaction.</summary>
public sealed class CaseIntake(PolicyCatalog policies, CorrelationOptions correlation, PublishedPolicies published)
{
    /// <param name="timers">The bus the session is enrolled with: each issued task's deadline timer commits with the events.</param>
    public async Task<Guid> OpenOrAttachAsync(
        IDocumentSession session, IMessageBus timers, IncomingItem item, Func<Guid, object> attachedEvent, DateTimeOffset now,
        CancellationToken ct)
    {
        using var activity = Telemetry.Source.StartActivity("cerebellum.intake");
        activity?.SetTag("cerebellum.item.type", item.ItemType);
        // A pack published on another node is in force here within PublishedPolicies.Interval.
        await published.RefreshAsync(ct);
        var context = await CaseContext.LoadAsync(session, item, ct);
        var key = Correlation.KeyFor(correlation, item, context.Location, context.Floor);

        var index = await session.LoadAsync<OpenCaseIndex>(key, ct);
        // Exclusive: items for one case queue up behind each other (a row lock) instead of failing on
        // a version conflict, which in an alert storm would be the rule rather than the exception.
        var stream = index is null ? null : await session.Events.FetchForExclusiveWriting<Case>(index.CaseId, ct);
        var current = stream?.Aggregate is { IsActive: true } active && item.OccurredAt - active.LastItemAt < correlation.Window
            ? active
            : null;
        var caseId = current?.Id ?? Guid.CreateVersion7(now);

        var history = await CaseContext.HistoryAsync(session, context.Location, caseId, now, ct);
        var facts = FactsBuilder.Build(item, current, context, history, policies.Calendar, now);
        var outcome = Assess(facts);

        // On failure: manual triage by the street office at the case's level, routed like any "general" case.
        var routing = outcome switch
        {
            Assessed { Assessment: var a } => new RoutingInput(a.Level, a.Category, a.Parties),
            AssessmentFailure failure => failure.Triage(current),
            _ => throw new InvalidOperationException($"Unknown assessment outcome {outcome.GetType().Name}."),
        };
        // A case keeps the definition (and version) it started with, whatever its category becomes; a version published
        // on another node moments ago is fetched from the database.
        var definition = current?.WorkflowId is { } workflowId
            && await RoutingDefinitionLibrary.FindAsync(session, policies, workflowId, current.WorkflowVersion, ct) is { } pinned
            ? pinned
            : CaseWorkflow.For(current, routing.Category, policies);
        using var routingActivity = Telemetry.Source.StartActivity("cerebellum.route");
        var tasks = await AssignOfficesAsync(session, definition, current, routing, outcome is AssessmentFailure,
            context.Location.Compound, now, ct);

        routingActivity?.Dispose();
        var events = CaseDecisions.OnItem(current, caseId, key, context.Location, item, attachedEvent(caseId), outcome,
            tasks, definition.Id, definition.Version, now);

        if (current is null)
        {
            session.Events.StartStream<Case>(caseId, events);
            // Insert, not Store: a concurrent opener for the same key makes this fail and the
            // caller retries, attaching to the winner's case. A stale entry (case over or window
            // passed) is replaced only if nobody replaced it since we read it, for the same reason.
            var entry = new OpenCaseIndex(key, caseId, now);
            if (index is null) session.Insert(entry);
            else session.UpdateExpectedVersion(entry, index.Version);
        }
        else
        {
            stream!.AppendMany(events);
        }
        await DeadlineTimers.ScheduleAsync(timers, caseId, events);
        return caseId;
    }

    /// <summary>A rule that throws must not lose the item or stall the queue behind it (a retry would throw
    /// again): the failure becomes an outcome and the case goes to manual triage.</summary>
    private AssessmentOutcome Assess(AssessmentFacts facts)
    {
        using var activity = Telemetry.Source.StartActivity("cerebellum.assess");
        var started = Stopwatch.GetTimestamp();
        try
        {
            return new Assessed(policies.RulePack.Assess(facts), facts.Digest());
        }
        catch (RuleEvaluationException e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            return AssessmentFailure.From(e);
        }
        finally
        {
            Telemetry.AssessmentTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>The tasks the workflow issues for this assessment (on a re-assessment only those not issued yet:
    /// a rise in level or new parties adds tasks, nothing is dropped), each with the office covering the compound.
    /// A failed assessment issues only the street office's triage task.</summary>
    private async Task<IReadOnlyList<OfficeTask>> AssignOfficesAsync(
        IQuerySession session, RoutingDefinition definition, Case? current, RoutingInput routing, bool triageOnly, string compound,
        DateTimeOffset now, CancellationToken ct)
    {
        WorkflowTrigger trigger = current?.Level is null ? new WorkflowTrigger.Assessed(routing) : new WorkflowTrigger.Reassessed(routing);
        var issued = WorkflowInterpreter.Decide(definition, current?.ToWorkflowState() ?? WorkflowState.New, trigger, now, policies.Calendar)
            .Decisions.OfType<WorkflowDecision.IssueTask>()
            .Where(d => !triageOnly || d.Party == Party.Street)
            .ToList();
        if (issued.Count == 0) return [];

        var offices = await OfficeChoice.AllAsync(session, ct);
        return issued.Select(d =>
        {
            var office = OfficeChoice.For(offices, d.Party, compound);
            return new OfficeTask(d.TaskKey, d.Party, office?.Id, office?.Name ?? "", d.DueAt, d.SlaText);
        }).ToList();
    }
}
