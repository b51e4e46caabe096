using Cerebellum.Engine.CityBrain.Aggregates;
using Cerebellum.Engine.CityBrain.Delivery;
using Marten;

namespace Cerebellum.Engine.Exports.EthicsReview;

/// <summary>What the City Brain exit (src/Engine/CityBrain) delivered in a period: case entities whose latest
/// accepted state went out in it, and the hourly per-building cells published in it.</summary>
public static class UpwardShares
{
    public static async Task<IReadOnlyList<UpwardShare>> CountAsync(IQuerySession session, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var alerts = await session.Query<DeliveredEntity>()
            .CountAsync(d => d.DeliveredAt >= from && d.DeliveredAt < to && d.Id.StartsWith("urn:ngsi-ld:Alert:"), ct);
        var issues = await session.Query<DeliveredEntity>()
            .CountAsync(d => d.DeliveredAt >= from && d.DeliveredAt < to && d.Id.StartsWith("urn:ngsi-ld:IssueReporting:"), ct);
        var hours = await session.Query<PublishedHour>().Where(h => h.PublishedAt >= from && h.PublishedAt < to).ToListAsync(ct);
        var shares = new List<UpwardShare>();
        if (alerts > 0) shares.Add(new("Alert (device-triggered case, de-identified)", alerts));
        if (issues > 0) shares.Add(new("IssueReporting (resident complaint case, de-identified)", issues));
        if (hours.Count > 0)
        {
            shares.Add(new("hourly aggregates published (hours)", hours.Count));
            shares.Add(new("KeyPerformanceIndicator cells (counts < 5 sent as \"<5\")", hours.Sum(h => h.Cells.Count)));
        }
        return shares;
    }
}
