using Marten;

namespace Cerebellum.Engine.Cases.Timeline;

public sealed record TimelineEntry(long Version, DateTimeOffset Timestamp, string EventType, object Data);

/// <summary>The case page's timeline: the case's own events, in order, straight from the stream.</summary>
public static class CaseTimeline
{
    public static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(IQuerySession session, Guid caseId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(caseId, token: ct);
        return events.Select(e => new TimelineEntry(e.Version, e.Timestamp, e.EventType.Name, e.Data)).ToList();
    }
}
