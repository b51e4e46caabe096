using Cerebellum.Workflows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows;

/// <summary>
/// Checks a definition's categories against the categories a rule pack can produce, with the line and
/// column of each one that no rule can ever yield (a typo such as <c>fires</c> would otherwise route
/// nothing, silently). Separate from <see cref="RoutingDefinitionLoader"/> because the loader knows no
/// rule pack: the caller (publishing) passes the categories of the pack in force.
/// </summary>
public static class CategoryCheck
{
    /// <summary>Diagnostics for unknown categories; empty when all are known, for <c>["*"]</c>, or when the
    /// text does not load (the loader reports that).</summary>
    public static IReadOnlyList<WorkflowDiagnostic> Against(string yamlText, string fileName, IReadOnlyCollection<string> knownCategories)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(knownCategories);
        var bag = new DiagnosticBag(fileName);
        var root = YamlDocumentReader.ReadRootMapping(yamlText, new DiagnosticBag(fileName), "routing definition");
        if (root is null || !root.Children.TryGetValue(new YamlScalarNode("categories"), out var node) || node is not YamlSequenceNode list)
        {
            return [];
        }

        var known = knownCategories.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.Children.OfType<YamlScalarNode>())
        {
            var category = item.Value ?? "";
            if (category == RoutingDefinition.AnyCategory || known.Contains(category)) continue;
            bag.Add(item, $"category '{category}' is not produced by the rule pack in force; its categories are: "
                + string.Join(", ", knownCategories.Order(StringComparer.Ordinal)));
        }

        return bag.Sorted();
    }
}
