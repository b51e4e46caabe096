using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>What the registry knows about where a signal came from.</summary>
public sealed record CaseContext(CaseLocation Location, Device? Device, Unit? Unit, Household? Household, int Floor)
{
    public static async Task<CaseContext> LoadAsync(IQuerySession session, IncomingItem item, CancellationToken ct)
    {
        var device = item.DeviceId == "" ? null : await session.LoadAsync<Device>(item.DeviceId, ct);
        // A registered device's own location wins over what the message claims.
        var claimed = device is null ? item.Location : new ItemLocation(device.CompoundId, device.BuildingId, device.UnitId);
        var unitId = claimed.Unit ?? "";
        var unit = unitId == "" ? null : await session.LoadAsync<Unit>(unitId, ct);
        // The registry completes what the sender left out: a unit knows its building, a building its compound.
        var buildingId = unit?.BuildingId ?? claimed.Building ?? "";
        var building = buildingId == "" ? null : await session.LoadAsync<Building>(buildingId, ct);
        var compoundId = building?.CompoundId ?? claimed.Compound ?? "";
        var compound = compoundId == "" ? null : await session.LoadAsync<Compound>(compoundId, ct);
        var household = unit is null
            ? null
            : await session.Query<Household>().FirstOrDefaultAsync(h => h.UnitId == unit.Id, ct);

        var buildingLabel = string.Join(" ", new[] { compound?.Name ?? compoundId, building?.Name ?? buildingId }
            .Where(s => s != ""));
        var unitLabel = unit is null ? unitId : $"{unit.Entrance} {unit.Number}".Trim();
        var label = string.Join(" ", new[] { buildingLabel, unitLabel, device is { UnitId: null } ? device.Label : "" }
            .Where(s => s != ""));

        // Nothing registered: the address as written, else the device id, is the only clue a handler has.
        if (label == "") label = item.Location.Address ?? item.DeviceId;
        var location = new CaseLocation(compound?.CommunityId ?? "", compoundId, buildingId, unitId, buildingLabel, label);
        return new CaseContext(location, device, unit, household, unit?.Floor ?? 0);
    }

    public static async Task<(int Unit7, int Unit30, int Building7, int Building30)> HistoryAsync(
        IQuerySession session, CaseLocation location, Guid excludeCase, DateTimeOffset now, CancellationToken ct)
    {
        var since30 = now.AddDays(-30);
        // "Before now" matters for back-tests, which rebuild the counts of a past instant; live it changes nothing.
        var recent = await session.Query<CaseSummary>()
            .Where(c => c.BuildingId == location.Building && c.OpenedAt >= since30 && c.OpenedAt <= now && c.Id != excludeCase)
            .Select(c => new { c.UnitId, c.OpenedAt })
            .ToListAsync(ct);
        var since7 = now.AddDays(-7);
        var unit = recent.Where(c => location.Unit != "" && c.UnitId == location.Unit).ToList();
        return (unit.Count(c => c.OpenedAt >= since7), unit.Count,
            recent.Count(c => c.OpenedAt >= since7), recent.Count);
    }
}
