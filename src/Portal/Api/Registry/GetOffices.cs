using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Api.Registry;

/// <summary>GET /api/v1/registry/offices: every office with its party and jurisdiction (an empty compound
/// list covers the whole community). Office mailboxes are not personal data.</summary>
public static class GetOffices
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/registry/offices", async (IQuerySession session, CancellationToken ct) =>
            Results.Ok(await session.Query<Office>().OrderBy(o => o.Id).ToListAsync(ct))).SignedIn();
}
