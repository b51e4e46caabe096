using System.Text;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>GET /api/v1/routing-definitions/{id}/draft: the saved draft's YAML, for rule authors.</summary>
public static class GetRoutingDefinitionDraft
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet(RoutingDefinitionResults.Prefix + "/{id}/draft",
        async (string id, IQuerySession session, CancellationToken ct) =>
            RoutingDefinitionResults.BadId(id)
            ?? (await session.LoadAsync<RoutingDefinitionDraft>(id, ct) is { } draft
                ? Results.Text(draft.Yaml, "application/yaml", Encoding.UTF8)
                : Problems.Status(StatusCodes.Status404NotFound, $"No draft for workflow '{id}'.")))
        .RequireAuthorization(Policies.RuleAuthor);
}
