using System.Diagnostics.CodeAnalysis;

namespace Cerebellum.Workflows;

/// <summary>
/// The published definitions. New cases are routed by the highest version of each definition
/// id; older versions stay reachable through <see cref="Find"/> for cases that started on them.
/// Ambiguity is rejected when the catalog is built, not when a case arrives: two current
/// definitions claiming the same category, or two fallbacks, would make routing depend on
/// file order.
/// </summary>
public sealed class RoutingCatalog
{
    private readonly Dictionary<(string Id, int Version), RoutingDefinition> all = [];
    private readonly Dictionary<string, RoutingDefinition> byCategory = new(StringComparer.OrdinalIgnoreCase);
    private readonly RoutingDefinition? fallback;

    public RoutingCatalog(IEnumerable<RoutingDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var definition in definitions)
        {
            if (!all.TryAdd((definition.Id, definition.Version), definition))
            {
                throw new ArgumentException($"routing definition {definition} is given twice", nameof(definitions));
            }
        }

        Current = [.. all.Values.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Id, StringComparer.Ordinal)];
        foreach (var definition in Current)
        {
            if (definition.IsFallback)
            {
                fallback = fallback is null
                    ? definition
                    : throw new ArgumentException($"both {fallback} and {definition} are fallback definitions (categories [\"*\"])", nameof(definitions));
                continue;
            }

            foreach (var category in definition.Categories)
            {
                if (!byCategory.TryAdd(category, definition))
                {
                    throw new ArgumentException($"category '{category}' is claimed by both {byCategory[category]} and {definition}", nameof(definitions));
                }
            }
        }
    }

    /// <summary>The latest version of every definition id, ordered by id.</summary>
    public IReadOnlyList<RoutingDefinition> Current { get; }

    /// <summary>The definition for a new case: the one naming the category, else the fallback.</summary>
    /// <exception cref="KeyNotFoundException">No definition names the category and there is no fallback.</exception>
    public RoutingDefinition Select(string category) =>
        TrySelect(category, out var definition)
            ? definition
            : throw new KeyNotFoundException($"no routing definition applies to category '{category}' and there is no fallback definition");

    public bool TrySelect(string category, [NotNullWhen(true)] out RoutingDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(category);
        definition = byCategory.GetValueOrDefault(category) ?? fallback;
        return definition is not null;
    }

    /// <summary>Every loaded version of every definition, e.g. to build the next catalog when one is published.</summary>
    public IReadOnlyCollection<RoutingDefinition> All => all.Values;

    /// <summary>A specific version, for a case that keeps the definition it started with.</summary>
    public RoutingDefinition? Find(string id, int version) => all.GetValueOrDefault((id, version));
}
