using Cerebellum.Engine.Policies.RoutingDefinitions;
using Marten;

namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>GET /api/v1/routing-definitions/{id}/versions: every published version of one definition, newest first.</summary>
public static class GetRoutingDefinitionVersions
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet(RoutingDefinitionResults.Prefix + "/{id}/versions",
        async (string id, IQuerySession session, CancellationToken ct) =>
        {
            if (RoutingDefinitionResults.BadId(id) is { } badId) return badId;
            var versions = await session.Query<PublishedRoutingDefinition>().Where(p => p.WorkflowId == id)
                .OrderByDescending(p => p.Version).ToListAsync(ct);
            return versions.Count == 0
                ? Problems.Status(StatusCodes.Status404NotFound, $"No published definition '{id}'.")
                : Results.Ok(versions.Select(p => new { p.WorkflowId, p.Version, p.PublishedBy, p.PublishedAt }));
        }).RequireAuthorization();
}
