using System.Text;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Marten;

namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>GET /api/v1/routing-definitions/{id}/versions/{version}: the YAML exactly as it was published.</summary>
public static class GetRoutingDefinitionVersion
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet(RoutingDefinitionResults.Prefix + "/{id}/versions/{version:int}",
        async (string id, int version, IQuerySession session, CancellationToken ct) =>
            RoutingDefinitionResults.BadId(id) ?? RoutingDefinitionResults.BadVersion(version)
            ?? (await session.LoadAsync<PublishedRoutingDefinition>(PublishedRoutingDefinition.IdFor(id, version), ct) is { } published
                ? Results.Text(published.Yaml, "application/yaml", Encoding.UTF8)
                : Problems.Status(StatusCodes.Status404NotFound, $"Version {version} of '{id}' was never published.")))
        .RequireAuthorization();
}
