namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>Maps every routing-definition endpoint (one file per request in this folder): writes for rule
/// authors, reads for anyone signed in.</summary>
public static class RoutingDefinitionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        PostValidateRoutingDefinition.Map(app);
        PutRoutingDefinitionDraft.Map(app);
        GetRoutingDefinitionDraft.Map(app);
        PostPublishRoutingDefinition.Map(app);
        GetRoutingDefinitions.Map(app);
        GetRoutingDefinitionVersions.Map(app);
        GetRoutingDefinitionVersion.Map(app);
        GetRoutingDefinitionDiagram.Map(app);
    }
}
