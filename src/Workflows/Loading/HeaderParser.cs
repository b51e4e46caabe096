using System.Text.RegularExpressions;
using Cerebellum.Rules;
using Cerebellum.Workflows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows;

/// <summary>Reads a definition's identity: id, version, title and categories.</summary>
internal static partial class HeaderParser
{
    public static string? Id(YamlNode node, DiagnosticBag bag)
    {
        var id = ScalarReader.Text(node, bag, "workflow");
        if (id is not null && !IdGrammar().IsMatch(id))
        {
            // Ids end up in event streams, URLs and file names; keep them boring.
            bag.Add(node, $"workflow id '{id}' must be lowercase letters and digits separated by single hyphens, e.g. emergency-dispatch");
            return null;
        }

        return id;
    }

    public static int? Version(YamlNode node, DiagnosticBag bag)
    {
        var version = ScalarReader.Integer(node, bag, "version");
        if (version is < 1)
        {
            bag.Add(node, $"version must be 1 or more, not {version}");
            return null;
        }

        return version;
    }

    public static LocalizedText? Title(YamlNode node, DiagnosticBag bag)
    {
        if (ScalarReader.Mapping(node, bag, "title") is not { } mapping)
        {
            return null;
        }

        // Both languages are required: the portal shows zh-CN to handlers, en to the rest.
        var map = new MappingReader(mapping, bag, "title", "zh-CN", "en");
        var zh = map.Required("zh-CN") is { } z ? ScalarReader.Text(z, bag, "title zh-CN") : null;
        var en = map.Required("en") is { } e ? ScalarReader.Text(e, bag, "title en") : null;
        return zh is null || en is null ? null : new LocalizedText(zh, en);
    }

    public static IReadOnlyList<string>? Categories(YamlNode node, DiagnosticBag bag)
    {
        if (ScalarReader.Sequence(node, bag, "categories") is not { } sequence)
        {
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            bag.Add(node, "categories must list at least one category, or [\"*\"] for every category");
            return null;
        }

        var categories = new List<string>();
        var ok = true;
        foreach (var item in sequence)
        {
            var category = ScalarReader.Text(item, bag, "a category");
            if (category is null)
            {
                ok = false;
            }
            else if (categories.Contains(category, StringComparer.OrdinalIgnoreCase))
            {
                bag.Add(item, $"category '{category}' is listed twice");
                ok = false;
            }
            else
            {
                categories.Add(category);
            }
        }

        // A fallback that also names categories would claim them twice over; say which is meant.
        if (categories.Count > 1 && categories.Contains(RoutingDefinition.AnyCategory))
        {
            bag.Add(node, "\"*\" (every category) cannot be combined with specific categories");
            ok = false;
        }

        return ok ? categories : null;
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdGrammar();
}
