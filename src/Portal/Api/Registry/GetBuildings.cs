using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Api.Registry;

/// <summary>GET /api/v1/registry/buildings[?compound=cy1]: buildings, optionally of one compound.</summary>
public static class GetBuildings
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/registry/buildings", async (string? compound, IQuerySession session, CancellationToken ct) =>
        {
            var query = session.Query<Building>().AsQueryable();
            if (!string.IsNullOrEmpty(compound)) query = query.Where(b => b.CompoundId == compound);
            return Results.Ok(await query.OrderBy(b => b.Id).ToListAsync(ct));
        }).SignedIn();
}
