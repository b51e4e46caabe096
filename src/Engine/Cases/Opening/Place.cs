using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Registry ids of a place, each empty when unknown.</summary>
public sealed record Place([property: Public] string Compound, [property: Public] string Building, [property: Internal(MaskFormat.Unit)] string Unit)
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
