using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Registry;
using Cerebellum.Rules;
using Cerebellum.Workflows;
using Marten;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Turns a stored signal into a case: correlate, assess with the rule pack in force, route
/// with the case's workflow, and append the resulting events. All of it commits in one transaction
/// (Wolverine's transactional middleware), so a crash leaves either nothing or everything, and the
/// durable inbox re-delivers the message.</summary>
public static class ProcessSignalHandler
{
    public static async Task Handle(
        ProcessSignal message, IDocumentSession session, PolicyCatalog policies, TimeProvider clock,
        CancellationToken ct)
    {
        var signal = await session.LoadAsync<SignalRecord>(message.SignalId, ct);
        if (signal is null || signal.CaseId is not null) return; // already processed: re-delivery is harmless

        var now = clock.GetUtcNow();
        var context = await CaseContext.LoadAsync(session, signal, ct);
        var key = $"{signal.DeviceId}|{signal.Kind}";

        var index = await session.LoadAsync<OpenCaseIndex>(key, ct);
        var stream = index is null ? null : await session.Events.FetchForWriting<Case>(index.CaseId, ct);
        var current = stream?.Aggregate is { IsActive: true } active ? active : null;
        var caseId = current?.Id ?? Guid.CreateVersion7(now);

        var history = await CaseContext.HistoryAsync(session, context.Location, caseId, now, ct);
        var facts = FactsBuilder.Build(signal, current, context, history, policies.Calendar, now);
        var assessment = policies.RulePack.Assess(facts);

        var definition = policies.Routing.Select(assessment.Category);
        var levelRose = current?.Level is not { } level || assessment.Level > level;
        var tasks = levelRose
            ? await AssignOfficesAsync(session, definition, assessment, context.Location.Compound, now, policies.Calendar, ct)
            : [];

        var events = CaseDecisions.OnSignal(current, caseId, key, context.Location, signal, assessment, tasks,
            definition.Id, definition.Version, now);

        if (current is null)
        {
            session.Events.StartStream<Case>(caseId, events);
            // Insert, not Store: a concurrent opener for the same key makes this fail and the
            // message is retried, attaching to the winner's case.
            if (index is null) session.Insert(new OpenCaseIndex(key, caseId, now));
            else session.Store(new OpenCaseIndex(key, caseId, now));
        }
        else
        {
            stream!.AppendMany(events);
        }

        signal.CaseId = caseId;
        signal.ProcessedAt = now;
        session.Store(signal);
    }

    private static async Task<IReadOnlyList<OfficeTask>> AssignOfficesAsync(
        IQuerySession session, RoutingDefinition definition, Assessment assessment, string compound,
        DateTimeOffset now, HolidayCalendar calendar, CancellationToken ct)
    {
        var decisions = Router.Dispatch(definition,
            new RoutingInput(assessment.Level, assessment.Category, assessment.Parties), now, calendar);
        if (decisions.Count == 0) return [];

        var offices = await session.Query<Office>().ToListAsync(ct);
        return decisions.Select(d =>
        {
            var office = offices.Where(o => o.Party == d.Party && o.Covers(compound))
                .OrderBy(o => o.Compounds.Count == 0) // a specific jurisdiction beats a catch-all
                .ThenBy(o => o.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            return new OfficeTask(d.TaskKey, d.Party, office?.Id, office?.Name ?? "", d.DueAt, d.SlaText);
        }).ToList();
    }
}
