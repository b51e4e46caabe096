using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>POST /api/v1/routing-definitions/publish: <c>201</c> once stored as an immutable version and in force
/// for the next case; <c>400</c> with diagnostics if invalid or naming unknown categories; <c>409</c> if not newer
/// than every published version or if its categories collide with another current definition.</summary>
public static class PostPublishRoutingDefinition
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost(RoutingDefinitionResults.Prefix + "/publish",
        async (HttpRequest request, HttpContext http, IDocumentStore store, PolicyCatalog policies, TimeProvider clock,
            CancellationToken ct) =>
        {
            var (yaml, problem) = await YamlBody.ReadAsync(request, ct);
            if (problem is not null) return problem;
            var result = await RoutingDefinitionPublishing.PublishAsync(store, policies, yaml!, Policies.Actor(http.User), clock.GetUtcNow(), ct);
            return result.Status switch
            {
                RoutingPublishStatus.Published => Results.Created(
                    $"{RoutingDefinitionResults.Prefix}/{result.Definition!.Id}/versions/{result.Definition.Version}",
                    new { workflowId = result.Definition.Id, version = result.Definition.Version }),
                RoutingPublishStatus.Invalid => RoutingDefinitionResults.Invalid(result.Diagnostics),
                RoutingPublishStatus.NotNewer => Problems.Status(StatusCodes.Status409Conflict, "Not a new version.", result.Problem),
                _ => Problems.Status(StatusCodes.Status409Conflict, "The definition conflicts with the definitions in force.", result.Problem),
            };
        }).RequireAuthorization(Policies.RuleAuthor);
}
