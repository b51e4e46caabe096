using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Rules;
using Cerebellum.Rules.BackTesting;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Cerebellum.Workflows;

namespace Cerebellum.Engine.Policies.RulePacks.BackTesting;

/// <summary>
/// Re-assesses the items recorded in a range with another pack and compares with what was recorded. Facts are
/// rebuilt as the intake built them (<see cref="FactsBuilder"/>): the item from its attached event, the case so
/// far from the events before it, history counts from cases opened before that instant, the clock at the item's
/// time; registry facts (device, unit, household) as the registry is now, because it keeps no history.
/// Cases are read a page at a time, so memory holds one page of cases, the ids and the report's counts.
/// </summary>
public sealed class RulePackBackTest(IDocumentStore store, HolidayCalendar calendar)
{
    public const int CasesPerPage = 100;

    public async Task<BackTestReport> RunAsync(CompiledRulePack pack, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pack);
        // PostgreSQL's timestamptz parameters take UTC only; "2026-10-01" arrives as midnight +08:00.
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        await using var session = store.QuerySession();
        var report = new BackTestReportBuilder(pack.Id, pack.Version, from, to);
        var run = new CaseReassessment(session, ((DocumentStore)store).Options.Projections.AggregatorFor<Case>(), pack, calendar,
            from, to, report);

        var caseIds = await session.Events.QueryAllRawEvents()
            .Where(e => e.Timestamp >= from && e.Timestamp < to && e.EventTypesAre(HistoricalItem.EventTypes))
            .Select(e => e.StreamId)
            .Distinct()
            .ToListAsync(ct);
        foreach (var page in caseIds.Order().Chunk(CasesPerPage))
        {
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId.IsOneOf(page))
                .OrderBy(e => e.Sequence)
                .ToListAsync(ct);
            foreach (var stream in events.GroupBy(e => e.StreamId))
                if (await run.CaseAsync(stream.ToList(), ct) is { } result) report.Add(result);
        }
        return report.Build();
    }
}
