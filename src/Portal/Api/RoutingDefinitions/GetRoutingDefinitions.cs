using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Marten;

namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>GET /api/v1/routing-definitions: the definitions routing new cases on this node (the current
/// version of each id) and every published version, newest first. Any signed-in user.</summary>
public static class GetRoutingDefinitions
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet(RoutingDefinitionResults.Prefix,
        async (IQuerySession session, PolicyCatalog policies, CancellationToken ct) => Results.Ok(new
        {
            current = policies.Routing.Current.Select(d => new
            {
                workflowId = d.Id, d.Version, title = new { zhCN = d.Title.ZhCn, en = d.Title.En }, d.Categories, fallback = d.IsFallback,
            }),
            published = (await session.Query<PublishedRoutingDefinition>()
                    .OrderBy(p => p.WorkflowId).ThenByDescending(p => p.Version).ToListAsync(ct))
                .Select(p => new { p.WorkflowId, p.Version, p.PublishedBy, p.PublishedAt }),
        })).RequireAuthorization();
}
