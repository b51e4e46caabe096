using Cerebellum.Rules;

namespace Cerebellum.Workflows;

/// <summary>
/// A published routing definition (one YAML file). Immutable: a case records Id and Version at
/// dispatch and keeps routing by that version even after a newer one is published.
/// </summary>
public sealed record RoutingDefinition(
    string Id,
    int Version,
    LocalizedText Title,
    IReadOnlyList<string> Categories,
    IReadOnlyList<TaskRule> Tasks,
    IReadOnlyList<EscalationStep> Escalation,
    ClosurePolicy Closure)
{
    /// <summary>The category list entry that makes a definition the fallback for every category.</summary>
    public const string AnyCategory = "*";

    /// <summary>True for a <c>["*"]</c> definition, which only applies when no specific one does.</summary>
    public bool IsFallback => Categories.Contains(AnyCategory);

    /// <summary>Categories are matched ignoring case: rule packs and definitions are written by different people.</summary>
    public bool AppliesTo(string category) =>
        IsFallback || Categories.Contains(category, StringComparer.OrdinalIgnoreCase);

    public override string ToString() => $"{Id} v{Version}";
}
