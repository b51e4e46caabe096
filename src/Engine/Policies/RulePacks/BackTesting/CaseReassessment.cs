using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Rules;
using Cerebellum.Rules.BackTesting;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using Cerebellum.Workflows;
using Marten;

namespace Cerebellum.Engine.Policies.RulePacks.BackTesting;

/// <summary>
/// Walks one case's events in order: the recorded outcome follows the <see cref="RiskAssessed"/> events, the new
/// outcome re-assesses every item inside the range with the pack under test (the level never drops, as in
/// <see cref="CaseDecisions"/>). Items after the range, and everything after them, are ignored.
/// </summary>
internal sealed class CaseReassessment(
    IQuerySession session, IAggregator<Case, IQuerySession> aggregator, CompiledRulePack pack, HolidayCalendar calendar,
    DateTimeOffset from, DateTimeOffset to, BackTestReportBuilder report)
{
    // The registry does not change during a back-test; devices repeat a lot (a storm is one device).
    private readonly Dictionary<string, CaseContext> contexts = new(StringComparer.Ordinal);

    public async Task<BackTestCase?> CaseAsync(IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        Case? state = null;
        var unfolded = new List<IEvent>();
        var recorded = CaseOutcome.NotAssessed;
        CaseOutcome? simulated = null;
        var items = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var isItem = HistoricalItem.EventTypes.Contains(e.EventType);
            if (isItem && e.Timestamp >= to) break;
            if (isItem && e.Timestamp >= from)
            {
                state = await aggregator.BuildAsync(unfolded, session, state, ct)
                    ?? throw new InvalidOperationException($"Case {e.StreamId} has an item before it was opened.");
                unfolded.Clear();
                if (simulated is null)
                {
                    recorded = recorded with { Failures = 0 }; // only failures inside the range are compared
                    simulated = recorded;
                }
                simulated = await ReassessAsync(state, e, i + 1 < events.Count ? events[i + 1].Data : null, simulated, ct);
                items++;
            }
            unfolded.Add(e);
            if (e.Data is RiskAssessed assessed)
                recorded = new CaseOutcome(assessed.Level, assessed.Category, assessed.FiredRuleIds, recorded.Failures);
            else if (e.Data is AssessmentFailed)
                recorded = recorded.AfterFailure();
        }
        if (simulated is null || state is null) return null;
        return new BackTestCase(state.Id, KindOf(events), state.Location.Label, items, recorded, simulated);
    }

    private async Task<CaseOutcome> ReassessAsync(Case state, IEvent itemEvent, object? decided, CaseOutcome simulated, CancellationToken ct)
    {
        var item = HistoricalItem.From(itemEvent.Data, state.Location)!;
        // The intake's "now" is recorded on the decision that followed the item; the event's own timestamp is
        // the same transaction's, a moment later.
        var now = decided switch
        {
            RiskAssessed r => r.AssessedAt,
            AssessmentFailed f => f.At,
            TaskAssigned t => t.AssignedAt,
            _ => itemEvent.Timestamp,
        };
        var current = state.ItemIds.Count == 0 ? null : state; // the item opened the case
        var context = await ContextAsync(item, ct);
        var history = await CaseContext.HistoryAsync(session, context.Location, state.Id, now, ct);
        var facts = FactsBuilder.Build(item, current, context, history, calendar, now);
        if (decided is RiskAssessed { FactsDigest: { Length: > 0 } digest }) report.CountFacts(facts.Digest() == digest);

        // The case so far as the pack under test would have left it: its own level, not the recorded one.
        var level = simulated.Level?.Name() ?? "";
        if (facts.Case.CurrentLevel != level) facts = facts with { Case = facts.Case with { CurrentLevel = level } };
        try
        {
            return simulated.After(pack.Assess(facts));
        }
        catch (RuleEvaluationException)
        {
            return simulated.AfterFailure();
        }
    }

    private async Task<CaseContext> ContextAsync(IncomingItem item, CancellationToken ct)
    {
        var key = $"{item.DeviceId}|{item.Location.Compound}|{item.Location.Building}|{item.Location.Unit}|{item.Location.Address}";
        if (!contexts.TryGetValue(key, out var context))
            contexts[key] = context = await CaseContext.LoadAsync(session, item, ct);
        return context;
    }

    private static string KindOf(IReadOnlyList<IEvent> events) =>
        events.Select(e => e.Data).OfType<CaseOpened>().FirstOrDefault()?.Kind ?? "";
}
