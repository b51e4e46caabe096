using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Api.Registry;

/// <summary>GET /api/v1/registry/units?building=cy1-b1: the flats of one building. Flats only: who lives
/// there is in /households, for administrators.</summary>
public static class GetUnits
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/registry/units", async (string? building, IQuerySession session, CancellationToken ct) =>
            string.IsNullOrEmpty(building)
                ? Problems.Field("building", "building is required (a building id such as cy1-b1).")
                : Results.Ok(await session.Query<Unit>().Where(u => u.BuildingId == building)
                    .OrderBy(u => u.Id).ToListAsync(ct))).SignedIn();
}
