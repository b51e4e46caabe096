using System.Diagnostics.CodeAnalysis;

namespace Cerebellum.Workflows;

/// <summary>
/// The outcome of loading a definition. Either a definition and no diagnostics, or no
/// definition and at least one diagnostic: a half-valid definition is never handed out.
/// </summary>
public sealed record RoutingDefinitionLoadResult(RoutingDefinition? Definition, IReadOnlyList<WorkflowDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null && Diagnostics.Count == 0;
}
