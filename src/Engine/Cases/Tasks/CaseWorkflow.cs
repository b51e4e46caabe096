using Cerebellum.Engine.Policies;
using Cerebellum.Workflows;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>The routing definition a case runs on. A case keeps the definition version it started with, even
/// after a newer version is published; one without tasks yet takes the current definition for its category.</summary>
public static class CaseWorkflow
{
    public static RoutingDefinition? DefinitionOf(Case c, PolicyCatalog policies) =>
        c.WorkflowId is { } id ? policies.Routing.Find(id, c.WorkflowVersion) : null;

    public static RoutingDefinition For(Case? c, string category, PolicyCatalog policies) =>
        (c is null ? null : DefinitionOf(c, policies)) ?? policies.Routing.Select(category);
}
