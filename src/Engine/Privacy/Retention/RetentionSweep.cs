using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Marten;
using Marten.Schema;
using Wolverine;

namespace Cerebellum.Engine.Privacy.Retention;

/// <summary>The durable timer of retention: a Wolverine message scheduled in PostgreSQL, so it survives restarts
/// and fires on whichever node holds it. <see cref="DueAt"/> must match <see cref="RetentionSchedule.NextRunAt"/>,
/// otherwise it belongs to a superseded chain and is dropped: one chain, however many nodes start.</summary>
public sealed record RetentionSweep(DateTimeOffset DueAt);

/// <summary>The one retention chain's position (document id "retention"). Version-checked: of two nodes moving it,
/// one wins and the other's message is stale.</summary>
public sealed class RetentionSchedule
{
    public const string TheId = "retention";

    [Public] public string Id { get; set; } = TheId;
    [Public] public DateTimeOffset NextRunAt { get; set; }
    [Public] public DateTimeOffset? LastRunAt { get; set; }
    [Public] public int LastRunErased { get; set; }
    [Version, Public] public Guid Version { get; set; }
}

public static class RetentionSweepHandler
{
    public static async Task<object?> Handle(RetentionSweep sweep, IDocumentSession session, IDocumentStore store,
        RetentionOptions options, TimeProvider clock, CancellationToken ct)
    {
        var schedule = await session.LoadAsync<RetentionSchedule>(RetentionSchedule.TheId, ct);
        if (schedule is null || schedule.NextRunAt != sweep.DueAt) return null;

        var now = clock.GetUtcNow();
        var erased = await RetentionSweeper.SweepAsync(store, options, now, ct);
        var next = now + options.SweepInterval;
        schedule.NextRunAt = next;
        schedule.LastRunAt = now;
        schedule.LastRunErased = erased.Count;
        session.Store(schedule);
        return new RetentionSweep(next).ScheduledAt(next);
    }
}

/// <summary>Finds cases whose retention ran out and erases them. Cases are over when closed, cancelled or merged
/// (a resolved case still waits for the resident's feedback); the clock starts at that moment.</summary>
public static class RetentionSweeper
{
    public static async Task<IReadOnlyList<CaseErasure.Outcome>> SweepAsync(IDocumentStore store, RetentionOptions options,
        DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = now - TimeSpan.FromDays(options.SensitiveDays);
        List<CaseSummary> candidates;
        await using (var query = store.QuerySession())
            candidates = [.. await query.Query<CaseSummary>()
                .Where(s => (s.Status == CaseStatus.Closed || s.Status == CaseStatus.Cancelled || s.Status == CaseStatus.Merged)
                    && s.LastActivityAt <= cutoff && s.ErasureStage < 2)
                .OrderBy(s => s.LastActivityAt).Take(options.BatchSize).ToListAsync(ct)];

        var outcomes = new List<CaseErasure.Outcome>();
        foreach (var c in candidates)
        {
            var erased = c.ErasureStage switch { 0 => (DataClass?)null, 1 => DataClass.Sensitive, _ => DataClass.Personal };
            if (options.Due(c.LastActivityAt, erased, now) is not { } from) continue;
            if (await CaseErasure.EraseAsync(store, c.Id, from, "retention", Audit.AuditTrail.SystemActor, null, now, ct) is { } done)
                outcomes.Add(done);
        }
        return outcomes;
    }
}
