using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.CityBrain.Delivery;
using Cerebellum.Engine.CityBrain.Entities;
using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Cerebellum.Engine.CityBrain.Aggregates;

/// <summary>Publishes the hourly aggregates that are due. Every node runs it; an hour goes out once because its
/// <see cref="PublishedHour"/> is inserted in the same transaction as the outgoing message (the loser of a race
/// gets a unique-key error and moves on). Hours are taken in order from the last one published, so a cluster
/// that was down catches up every missed hour (up to <see cref="CityBrainOptions.MaxCatchUpHours"/>).</summary>
public sealed class HourlyAggregateJob(
    IDocumentStore store, OutboxedSessionFactory sessions, IWolverineRuntime runtime, IOptions<CityBrainOptions> options,
    ILogger<HourlyAggregateJob> logger)
{
    private readonly CityBrainOptions settings = options.Value;

    /// <returns>The hours this call published.</returns>
    public async Task<IReadOnlyList<DateTimeOffset>> RunDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!settings.Enabled) return [];
        var lastDue = HourOf(now - settings.AggregateGrace).AddHours(-1);
        var oldestAllowed = lastDue.AddHours(1 - settings.MaxCatchUpHours);

        DateTimeOffset? latest;
        await using (var query = store.QuerySession())
            latest = (await query.Query<PublishedHour>().OrderByDescending(h => h.HourStart).Take(1).ToListAsync(ct))
                .FirstOrDefault()?.HourStart;
        // The first hour ever is the last complete one: switching the feed on does not replay history.
        var next = latest is { } l ? l.AddHours(1) : lastDue;
        if (next < oldestAllowed)
        {
            logger.LogWarning("City Brain aggregates: skipping {Hours} hours older than the catch-up limit",
                (int)(oldestAllowed - next).TotalHours);
            next = oldestAllowed;
        }

        var published = new List<DateTimeOffset>();
        for (var hour = next; hour <= lastDue; hour = hour.AddHours(1))
            if (await TryPublishAsync(hour, now, ct)) published.Add(hour);
        return published;
    }

    private async Task<bool> TryPublishAsync(DateTimeOffset hour, DateTimeOffset now, CancellationToken ct)
    {
        var bus = new MessageContext(runtime);
        await using var session = sessions.OpenSession(bus);
        if (await session.LoadAsync<PublishedHour>(KpiEntities.Hour(hour), ct) is not null) return false;

        var rows = await session.Query<CaseSummary>()
            .Where(c => c.OpenedAt >= hour && c.OpenedAt < hour.AddHours(1) && c.Status != CaseStatus.Merged)
            .Select(c => new { c.BuildingId, c.ItemType, c.Category, c.Level })
            .ToListAsync(ct);
        var cases = rows.Select(c => new CountedCase(c.BuildingId, c.ItemType, c.Category, c.Level)).ToList();
        var places = await FeedPlaces.LoadAsync(session, cases.Select(c => c.BuildingId), ct);
        // Only registered buildings are counted: an unregistered "building" is whatever a sender wrote.
        var cells = HourlyCells.Count(cases.Where(c => places.ContainsKey(c.BuildingId)));

        session.Insert(new PublishedHour { Id = KpiEntities.Hour(hour), HourStart = hour, PublishedAt = now, Cells = [.. cells] });
        if (cells.Count > 0)
            await bus.PublishAsync(new PushToCityBrain([.. cells.Select(cell => new FeedEntity(
                KpiEntities.IdOf(settings.DataProvider, hour, cell.Key), 1,
                NgsiLd.Serialize(KpiEntities.ToEntity(settings.DataProvider, hour, cell, places[cell.Key.BuildingId]))))]));
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false; // another node published this hour first
        }
    }

    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
