using Cerebellum.Rules.Expressions;
using Cerebellum.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Loading;

/// <summary>
/// Reads the top level of a pack. Every section is read even when an earlier one is broken, so one load
/// reports every problem; the result is only used when no diagnostic was added.
/// </summary>
internal static class PackReader
{
    private static readonly string[] Fields = ["pack", "version", "title", "defaults", "categories", "rules", "tests"];

    public static PackSpec? Read(YamlNode root, LoadContext context)
    {
        var d = context.Diagnostics;
        var map = MappingReader.Open(root, "the rule pack", d, Fields);
        if (map is null)
        {
            return null;
        }

        var id = map.Required("pack") is { } p ? ReadPackId(p, context) : null;
        var version = map.Required("version") is { } v ? YamlValues.Int(v, "'version'", d) : null;
        if (version < 1)
        {
            d.Add(map.Optional("version")!, "'version' must be 1 or higher.");
        }

        var title = map.Required("title") is { } t ? YamlValues.Localized(t, "the pack 'title'", d) : null;
        var categories = map.Required("categories") is { } c ? ReadCategories(c, context) : null;
        context.Categories = categories;
        var defaults = map.Required("defaults") is { } df ? ReadDefaults(df, context) : null;
        var (rules, ruleIds) = map.Required("rules") is { } r ? ReadRules(r, context) : ([], []);
        var tests = map.Optional("tests") is { } ts ? PackTestReader.ReadAll(ts, ruleIds, context) : [];

        return id is null || version is null || title is null || categories is null || defaults is null
            ? null
            : new PackSpec(id, version.Value, title, defaults, categories, rules, tests);
    }

    private static string? ReadPackId(YamlNode node, LoadContext context)
    {
        var id = YamlValues.Text(node, "'pack'", context.Diagnostics);
        if (id is not null && !RuleReader.IdPattern().IsMatch(id))
        {
            context.Diagnostics.Add(node, $"Pack id '{id}' must be lowercase letters and digits separated by '-', '_' or '.'.");
        }

        return id;
    }

    private static List<string>? ReadCategories(YamlNode node, LoadContext context)
    {
        var items = YamlValues.ScalarList(node, "'categories'", context.Diagnostics);
        if (items is null)
        {
            return null;
        }

        var categories = new List<string>();
        foreach (var item in items)
        {
            if (categories.Contains(item.Value!))
            {
                context.Diagnostics.Add(item, $"Category '{item.Value}' is declared twice.");
                continue;
            }

            categories.Add(item.Value!);
        }

        if (categories.Count == 0)
        {
            context.Diagnostics.Add(node, "'categories' must declare at least one category.");
        }

        return categories;
    }

    private static PackDefaults? ReadDefaults(YamlNode node, LoadContext context)
    {
        var map = MappingReader.Open(node, "'defaults'", context.Diagnostics, "level", "category", "parties");
        if (map is null)
        {
            return null;
        }

        var level = map.Required("level") is { } l ? VocabularyReader.Level(l, "the default level", context) : null;
        var category = map.Required("category") is { } c ? VocabularyReader.Category(c, "the default category", context) : null;
        var parties = map.Required("parties") is { } p ? VocabularyReader.Parties(p, "the default parties", context) : null;
        return level is null || category is null || parties is null ? null : new PackDefaults(level.Value, category, parties);
    }

    private static (List<RuleSpec> Rules, List<string> Ids) ReadRules(YamlNode node, LoadContext context)
    {
        var rules = new List<RuleSpec>();
        var ids = new List<string>();
        if (node is not YamlSequenceNode sequence)
        {
            context.Diagnostics.Add(node, "Expected 'rules' to be a list of rules.");
            return (rules, ids);
        }

        var compiler = new ConditionCompiler();
        var firstLine = new Dictionary<string, int>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var id = RuleReader.ReadId(item, context);
            if (id is not null && !firstLine.TryAdd(id, (int)item.Start.Line))
            {
                var idNode = ((YamlMappingNode)item).Children[new YamlScalarNode("id")];
                context.Diagnostics.Add(idNode, $"Duplicate rule id '{id}' (first defined at line {firstLine[id]}).");
            }
            else if (id is not null)
            {
                ids.Add(id);
            }

            if (RuleReader.Read(item, i, id, context, compiler) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return (rules, ids);
    }
}
