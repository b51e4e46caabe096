using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Api.Registry;

/// <summary>GET /api/v1/registry/devices?unit=… or ?building=…: the devices in a flat, or in a building
/// (its flats and its common areas).</summary>
public static class GetDevices
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/registry/devices", async (string? unit, string? building, IQuerySession session, CancellationToken ct) =>
        {
            if (!string.IsNullOrEmpty(unit))
                return Results.Ok(await session.Query<Device>().Where(d => d.UnitId == unit).OrderBy(d => d.Id).ToListAsync(ct));
            if (!string.IsNullOrEmpty(building))
                return Results.Ok(await session.Query<Device>().Where(d => d.BuildingId == building).OrderBy(d => d.Id).ToListAsync(ct));
            return Problems.Field("unit", "unit or building is required.");
        }).SignedIn();
}
