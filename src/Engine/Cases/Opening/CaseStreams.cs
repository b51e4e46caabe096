using Marten;
using JasperFx.Events;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>The case an item correlates into, if any, found through the <see cref="OpenCaseIndex"/>.</summary>
public sealed record CorrelatedCase(string Key, OpenCaseIndex? Index, IEventStream<Case>? Stream, Case? Current, Guid CaseId);

/// <summary>Finding the open case for a correlation key and writing a decision's events to it (or to a
/// new stream). Shared by every kind of intake so the race rules live in one place.</summary>
public static class CaseStreams
{
    /// <summary>The active case indexed under the key, if <paramref name="joins"/> accepts it; otherwise
    /// a fresh case id for a new stream.</summary>
    public static async Task<CorrelatedCase> FindAsync(
        IDocumentSession session, string key, Func<Case, bool> joins, DateTimeOffset now, CancellationToken ct)
    {
        var index = await session.LoadAsync<OpenCaseIndex>(key, ct);
        var stream = index is null ? null : await session.Events.FetchForWriting<Case>(index.CaseId, ct);
        var current = stream?.Aggregate is { IsActive: true } active && joins(active) ? active : null;
        return new CorrelatedCase(key, index, stream, current, current?.Id ?? Guid.CreateVersion7(now));
    }

    public static void Write(IDocumentSession session, CorrelatedCase found, IReadOnlyList<object> events, DateTimeOffset now)
    {
        if (found.Current is not null)
        {
            found.Stream!.AppendMany(events);
            return;
        }
        session.Events.StartStream<Case>(found.CaseId, events);
        // Insert, not Store: a concurrent opener for the same key makes this fail and the
        // message is retried, attaching to the winner's case.
        var entry = new OpenCaseIndex(found.Key, found.CaseId, now);
        if (found.Index is null) session.Insert(entry);
        // Replacing an entry whose case is over: only if nobody replaced it since we read it, or two
        // racers would each open a case; the loser's ConcurrencyException makes Wolverine retry it.
        else session.UpdateExpectedVersion(entry, found.Index.Version);
    }
}
