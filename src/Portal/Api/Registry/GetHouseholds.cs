using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Api.Registry;

/// <summary>GET /api/v1/registry/households?unit=… or ?building=…: households with their members.
/// Members' names, phones, ages and disability are personal and sensitive data: administrators only.</summary>
public static class GetHouseholds
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/registry/households", async (string? unit, string? building, IQuerySession session, CancellationToken ct) =>
        {
            if (!string.IsNullOrEmpty(unit))
                return Results.Ok(await session.Query<Household>().Where(h => h.UnitId == unit).ToListAsync(ct));
            if (string.IsNullOrEmpty(building)) return Problems.Field("unit", "unit or building is required.");
            // Unit ids start with their building's id ({building}-u{floor}{flat}).
            var prefix = building + "-u";
            return Results.Ok(await session.Query<Household>().Where(h => h.UnitId.StartsWith(prefix))
                .OrderBy(h => h.UnitId).ToListAsync(ct));
        }).AdminOnly();
}
