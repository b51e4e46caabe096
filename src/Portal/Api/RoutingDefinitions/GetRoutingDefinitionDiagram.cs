using System.Text;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Cerebellum.Workflows.Diagrams;
using Marten;

namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>GET /api/v1/routing-definitions/{id}/versions/{version}/diagram: the version as Mermaid
/// <c>flowchart TD</c> text (text/vnd.mermaid), labels in zh-CN, or English with <c>?culture=en</c>.</summary>
public static class GetRoutingDefinitionDiagram
{
    public const string MediaType = "text/vnd.mermaid";

    public static void Map(IEndpointRouteBuilder app) => app.MapGet(RoutingDefinitionResults.Prefix + "/{id}/versions/{version:int}/diagram",
        async (string id, int version, IQuerySession session, PolicyCatalog policies, CancellationToken ct) =>
        {
            if ((RoutingDefinitionResults.BadId(id) ?? RoutingDefinitionResults.BadVersion(version)) is { } bad) return bad;
            var definition = await RoutingDefinitionLibrary.FindAsync(session, policies, id, version, ct);
            return definition is null
                ? Problems.Status(StatusCodes.Status404NotFound, $"Version {version} of '{id}' was never published.")
                : Results.Text(MermaidFlowchart.Render(definition, RoutingDefinitionResults.Language()), MediaType, Encoding.UTF8);
        }).RequireAuthorization();
}
