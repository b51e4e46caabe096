using Cerebellum.Engine.Policies;
using Cerebellum.Portal.Accounts;

namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>POST /api/v1/routing-definitions/validate: YAML text in, <c>{valid, diagnostics}</c> out (line, column,
/// message), including categories the rule pack in force cannot produce. Stores nothing.</summary>
public static class PostValidateRoutingDefinition
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost(RoutingDefinitionResults.Prefix + "/validate",
        async (HttpRequest request, PolicyCatalog policies, CancellationToken ct) =>
        {
            var (yaml, problem) = await YamlBody.ReadAsync(request, ct);
            if (problem is not null) return problem;
            var diagnostics = RoutingDefinitionResults.Diagnostics(yaml!, policies);
            return Results.Ok(new { valid = diagnostics.Count == 0, diagnostics = RoutingDefinitionResults.Shape(diagnostics) });
        }).RequireAuthorization(Policies.RuleAuthor);
}
