using Marten;

namespace Cerebellum.Engine.Audit;

/// <summary>Appends to the one audit stream. Entries are recorded in the caller's session and commit with
/// the action they describe, or not at all: an audit entry for something that did not happen, or an action
/// without its entry, would both make the trail lie.</summary>
public static class AuditTrail
{
    /// <summary>The single audit stream. One stream keeps one total order, which the hash chain needs.</summary>
    public static readonly Guid StreamId = new("a0d17000-0000-4000-8000-000000000001");

    /// <summary>More sensitive reads than this by one user within an hour are flagged (issue #7: "more than 20").</summary>
    public const int SensitiveReadsPerHourBeforeFlag = 20;

    public const string SystemActor = "system";

    /// <summary>Creates the stream with its first entry if it does not exist yet (at start-up), so that
    /// concurrent first writers never race to create it.</summary>
    public static async Task EnsureStartedAsync(IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(StreamId, ct) is not null) return;
        var first = Link(new AuditRequest(SystemActor, "trail-started", now), 1, AuditChain.Genesis);
        session.Events.StartStream<AuditHead>(StreamId, first);
        session.Store(AuditEntryView.From(first));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (Intake.RaceRetry.IsLostRace(e) || e is Marten.Exceptions.ExistingStreamIdCollisionException
                                   || e is AggregateException { InnerExceptions: [Marten.Exceptions.ExistingStreamIdCollisionException] })
        {
            // Another node started it first: that is all we wanted.
        }
    }

    /// <summary>Records an entry in <paramref name="session"/>; the caller's SaveChanges commits it. Takes the
    /// audit stream's row lock until then, so entries from concurrent requests chain one after another.</summary>
    public static async Task RecordAsync(IDocumentSession session, AuditRequest request, CancellationToken ct)
    {
        // A second entry in the same session chains onto the first one, which is not in the database yet.
        var pending = session.PendingChanges.Streams().FirstOrDefault(s => s.Id == StreamId)?.Events
            .Select(e => e.Data).OfType<AuditRecorded>().LastOrDefault();
        var (count, lastHash) = pending is not null ? (pending.Sequence, pending.Hash) : await LockHeadAsync(session, ct);

        var entry = Link(request, count + 1, lastHash);
        session.Events.Append(StreamId, entry);
        session.Store(AuditEntryView.From(entry));

        if (request.Action == AuditActions.SensitiveRead && await IsUnusualAsync(session, request, ct))
        {
            var flag = Link(new AuditRequest(request.Actor, AuditActions.AnomalyFlagged, request.At, request.CaseId,
                Detail: $"more than {SensitiveReadsPerHourBeforeFlag} sensitive reads within an hour"), entry.Sequence + 1, entry.Hash);
            session.Events.Append(StreamId, flag);
            session.Store(AuditEntryView.From(flag));
        }
    }

    // The stream's row lock, held until the caller commits: entries from concurrent requests chain one after another.
    private static async Task<(long Count, string LastHash)> LockHeadAsync(IDocumentSession session, CancellationToken ct)
    {
        await EnsureStartedOnceAsync(session.DocumentStore, ct);
        var stream = await session.Events.FetchForExclusiveWriting<AuditHead>(StreamId, ct);
        var head = stream.Aggregate ?? throw new InvalidOperationException("The audit trail's stream is missing.");
        return (head.Count, head.LastHash);
    }

    // Start-up calls EnsureStartedAsync; a host that did not (a test host, a tool) gets the stream started on its
    // first entry, checked once per store rather than on every entry.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocumentStore, object> Started = new();

    private static async Task EnsureStartedOnceAsync(IDocumentStore store, CancellationToken ct)
    {
        if (Started.TryGetValue(store, out _)) return;
        await EnsureStartedAsync(store, DateTimeOffset.UtcNow, ct);
        Started.AddOrUpdate(store, true);
    }

    // Flags the 21st read within an hour, then every further 20: one flag per burst, not one per read.
    private static async Task<bool> IsUnusualAsync(IDocumentSession session, AuditRequest request, CancellationToken ct)
    {
        var since = request.At.AddHours(-1);
        var earlier = await session.Query<AuditEntryView>()
            .CountAsync(x => x.Actor == request.Actor && x.Action == AuditActions.SensitiveRead && x.At > since, ct);
        var including = earlier + 1;
        return including > SensitiveReadsPerHourBeforeFlag && (including - 1) % SensitiveReadsPerHourBeforeFlag == 0;
    }

    private static AuditRecorded Link(AuditRequest r, long sequence, string previousHash)
    {
        var fields = r.Fields ?? [];
        var hash = AuditChain.HashOf(sequence, r.Actor, r.Action, r.CaseId, fields, r.Purpose, r.PurposeText, r.Detail, r.At, previousHash);
        return new AuditRecorded(sequence, r.Actor, r.Action, r.CaseId, fields, r.Purpose, r.PurposeText, r.Detail, r.At, previousHash, hash);
    }

    /// <summary>Reads the whole stream in order and checks every link, a page at a time so a trail of
    /// millions of entries never has to fit in memory.</summary>
    public static async Task<AuditVerification> VerifyAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await AuditChain.VerifyAsync(Pages(session, ct), ct);
    }

    private static async IAsyncEnumerable<AuditRecorded> Pages(
        IQuerySession session, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const int pageSize = 5_000;
        long after = 0;
        while (true)
        {
            var page = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId == StreamId && e.Version > after)
                .OrderBy(e => e.Version)
                .Take(pageSize)
                .ToListAsync(ct);
            foreach (var e in page)
            {
                // Anything else in the audit stream is itself a break: report it as an unreadable link.
                yield return e.Data as AuditRecorded ?? new AuditRecorded(e.Version, "", "unreadable", null, [], null, null,
                    e.EventTypeName, e.Timestamp, "", "");
                after = e.Version;
            }
            if (page.Count < pageSize) yield break;
        }
    }
}
