using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Registry ids of a place, each empty when unknown.</summary>
public sealed record Place(string Compound, string Building, string Unit)
{
    public static readonly Place Unknown = new("", "", "");

    /// <summary>Resolves a registry id that may name a unit or a building (Open311's address_id);
    /// null when the registry knows neither.</summary>
    public static async Task<Place?> ResolveAsync(IQuerySession session, string id, CancellationToken ct)
    {
        if (await session.LoadAsync<Unit>(id, ct) is { } unit)
            return await session.LoadAsync<Building>(unit.BuildingId, ct) is { } b ? new Place(b.CompoundId, b.Id, unit.Id) : null;
        if (await session.LoadAsync<Building>(id, ct) is { } building)
            return new Place(building.CompoundId, building.Id, "");
        return null;
    }
}

/// <summary>What the registry knows about where an item came from.</summary>
public sealed record CaseContext(CaseLocation Location, Device? Device, Unit? Unit, Household? Household, int Floor)
{
    public static async Task<CaseContext> LoadAsync(IQuerySession session, SignalRecord signal, CancellationToken ct)
    {
        var device = await session.LoadAsync<Device>(signal.DeviceId, ct);
        // A registered device's own location wins over what the message claims.
        var place = new Place(
            device?.CompoundId ?? signal.Location?.Compound ?? "",
            device?.BuildingId ?? signal.Location?.Building ?? "",
            device?.UnitId ?? signal.Location?.Unit ?? "");
        // Nothing registered and nothing claimed: the device id is the only clue a handler has.
        return await LoadAsync(session, place, device, device is { UnitId: null } ? device.Label : "", signal.DeviceId, ct);
    }

    /// <summary>The registry's view of a place: names for labels, the household for rule facts.
    /// <paramref name="detail"/> is appended to the label (a device's own label);
    /// <paramref name="fallbackLabel"/> is used when nothing about the place is known.</summary>
    public static async Task<CaseContext> LoadAsync(
        IQuerySession session, Place place, Device? device, string detail, string fallbackLabel, CancellationToken ct)
    {
        var compound = place.Compound == "" ? null : await session.LoadAsync<Compound>(place.Compound, ct);
        var building = place.Building == "" ? null : await session.LoadAsync<Building>(place.Building, ct);
        var unit = place.Unit == "" ? null : await session.LoadAsync<Unit>(place.Unit, ct);
        var household = unit is null
            ? null
            : await session.Query<Household>().FirstOrDefaultAsync(h => h.UnitId == unit.Id, ct);

        var buildingLabel = string.Join(" ", new[] { compound?.Name ?? place.Compound, building?.Name ?? place.Building }
            .Where(s => s != ""));
        var unitLabel = unit is null ? place.Unit : $"{unit.Entrance} {unit.Number}".Trim();
        var label = string.Join(" ", new[] { buildingLabel, unitLabel, detail }.Where(s => s != ""));
        if (label == "") label = fallbackLabel;
        var location = new CaseLocation(compound?.CommunityId ?? "", place.Compound, place.Building, place.Unit, buildingLabel, label);
        return new CaseContext(location, device, unit, household, unit?.Floor ?? 0);
    }

    public static async Task<(int Unit7, int Unit30, int Building7, int Building30)> HistoryAsync(
        IQuerySession session, CaseLocation location, Guid excludeCase, DateTimeOffset now, CancellationToken ct)
    {
        var since30 = now.AddDays(-30);
        var recent = await session.Query<CaseSummary>()
            .Where(c => c.BuildingId == location.Building && c.OpenedAt >= since30 && c.Id != excludeCase)
            .Select(c => new { c.UnitId, c.OpenedAt })
            .ToListAsync(ct);
        var since7 = now.AddDays(-7);
        var unit = recent.Where(c => location.Unit != "" && c.UnitId == location.Unit).ToList();
        return (unit.Count(c => c.OpenedAt >= since7), unit.Count,
            recent.Count(c => c.OpenedAt >= since7), recent.Count);
    }
}
