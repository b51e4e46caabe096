using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Policies.RoutingDefinitions;

/// <summary>An immutable published version of a routing definition: the YAML as published, who and when.
/// Its id is "{workflow}@{version}", so a version can be published once only, and a case pinned to
/// (workflow, version) can always find the text it was routed by.</summary>
public sealed record PublishedRoutingDefinition(
    [property: Public] string Id, [property: Public] string WorkflowId, [property: Public] int Version, [property: Internal] string Yaml, [property: Internal] string PublishedBy, [property: Public] DateTimeOffset PublishedAt)
{
    /// <summary>The <see cref="Refresh.PolicyRevision"/> kind raised by every publish.</summary>
    public const string Kind = "routing-definitions";

    public static string IdFor(string workflowId, int version) => $"{workflowId}@{version}";
}

/// <summary>A rule author's work in progress on a definition (one per workflow id), saved as often as they like.</summary>
public sealed record RoutingDefinitionDraft([property: Public] string Id, [property: Internal] string Yaml, [property: Internal] string SavedBy, [property: Public] DateTimeOffset SavedAt);
