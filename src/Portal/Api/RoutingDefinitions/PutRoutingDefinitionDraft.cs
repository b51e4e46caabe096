using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Cerebellum.Portal.Accounts;
using Cerebellum.Workflows;
using Marten;

namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>PUT /api/v1/routing-definitions/{id}/draft: saves work in progress (one draft per workflow id), valid
/// or not, and answers its diagnostics. A draft that loads must carry the same workflow id as the route.</summary>
public static class PutRoutingDefinitionDraft
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPut(RoutingDefinitionResults.Prefix + "/{id}/draft",
        async (string id, HttpRequest request, HttpContext http, IDocumentStore store, PolicyCatalog policies, TimeProvider clock,
            CancellationToken ct) =>
        {
            if (RoutingDefinitionResults.BadId(id) is { } badId) return badId;
            var (yaml, problem) = await YamlBody.ReadAsync(request, ct);
            if (problem is not null) return problem;
            if (RoutingDefinitionLoader.Load(yaml!, RoutingDefinitionResults.DraftFileName).Definition is { } loaded && loaded.Id != id)
                return Problems.Field("workflow", $"The draft is for workflow '{loaded.Id}', not '{id}'.");

            await using var session = store.LightweightSession();
            session.Store(new RoutingDefinitionDraft(id, yaml!, Policies.Actor(http.User), clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
            return Results.Ok(new { id, diagnostics = RoutingDefinitionResults.Shape(RoutingDefinitionResults.Diagnostics(yaml!, policies)) });
        }).RequireAuthorization(Policies.RuleAuthor);
}
