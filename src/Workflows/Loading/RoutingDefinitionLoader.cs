using Cerebellum.Workflows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows;

/// <summary>
/// Parses and validates a routing definition from text. The caller does the I/O; the file
/// name is only used in diagnostics. See docs/workflows.md for the language.
/// </summary>
public static class RoutingDefinitionLoader
{
    private static readonly string[] TopLevelKeys = ["workflow", "version", "title", "categories", "tasks", "escalation", "closure"];

    /// <summary>Never throws on bad input: every problem becomes a diagnostic.</summary>
    public static RoutingDefinitionLoadResult Load(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var bag = new DiagnosticBag(fileName);
        var definition = YamlDocumentReader.ReadRootMapping(yamlText, bag, "routing definition") is { } root
            ? Read(root, bag)
            : null;
        return bag.HasErrors
            ? new RoutingDefinitionLoadResult(null, bag.Sorted())
            : new RoutingDefinitionLoadResult(definition, []);
    }

    /// <exception cref="WorkflowLoadException">The text is not a valid definition; carries all diagnostics.</exception>
    public static RoutingDefinition LoadOrThrow(string yamlText, string fileName)
    {
        var result = Load(yamlText, fileName);
        return result.Succeeded ? result.Definition : throw new WorkflowLoadException(result.Diagnostics);
    }

    private static RoutingDefinition? Read(YamlMappingNode root, DiagnosticBag bag)
    {
        var map = new MappingReader(root, bag, "routing definition", TopLevelKeys);
        var id = map.Required("workflow") is { } w ? HeaderParser.Id(w, bag) : null;
        var version = map.Required("version") is { } v ? HeaderParser.Version(v, bag) : null;
        var title = map.Required("title") is { } t ? HeaderParser.Title(t, bag) : null;
        var categories = map.Required("categories") is { } c ? HeaderParser.Categories(c, bag) : null;
        var tasks = map.Required("tasks") is { } k ? TaskRuleParser.ReadAll(k, bag) : null;
        var escalation = map.Required("escalation") is { } e ? EscalationParser.ReadAll(e, bag) : null;
        var closure = map.Required("closure") is { } x ? ClosureParser.Read(x, bag) : null;
        if (id is null || version is null || title is null || categories is null || tasks is null || escalation is null || closure is null)
        {
            return null;
        }

        return new RoutingDefinition(id, version.Value, title, categories, tasks, escalation, closure);
    }
}
