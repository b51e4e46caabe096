using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Api.Registry;

/// <summary>GET /api/v1/registry/compounds: every compound (小区) with its community.</summary>
public static class GetCompounds
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/registry/compounds", async (IQuerySession session, CancellationToken ct) =>
            Results.Ok(await session.Query<Compound>().OrderBy(c => c.Id).ToListAsync(ct))).SignedIn();
}
