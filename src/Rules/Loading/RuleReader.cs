using System.Text.RegularExpressions;
using Cerebellum.Rules.Expressions;
using Cerebellum.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Loading;

/// <summary>Reads one entry of <c>rules</c>. Returns null if anything about it is wrong (after reporting all of it).</summary>
internal static partial class RuleReader
{
    public static RuleSpec? Read(YamlNode node, int index, string? id, LoadContext context, ConditionCompiler compiler)
    {
        var owner = id is null ? $"rule #{index + 1}" : $"rule '{id}'";
        var map = MappingReader.Open(node, owner, context.Diagnostics, "id", "title", "priority", "when", "then");
        if (map is null)
        {
            return null;
        }

        var idNode = map.Required("id");
        var title = map.Required("title") is { } t ? YamlValues.Localized(t, $"'title' of {owner}", context.Diagnostics) : null;
        var priority = map.Optional("priority") is { } p ? YamlValues.Int(p, $"'priority' of {owner}", context.Diagnostics) : 0;
        var conditions = map.Required("when") is { } w ? ConditionReader.Read(w, owner, context, compiler) : null;
        var outcome = map.Required("then") is { } o ? ReadOutcome(o, owner, context) : null;

        if (id is null || idNode is null || title is null || priority is null || conditions is null || outcome is null)
        {
            return null;
        }

        var rule = new PackRule(id, title, priority.Value, conditions.Select(c => c.Text).ToList(), outcome);
        return new RuleSpec(rule, index, node, conditions);
    }

    /// <summary>The id is read first, by the pack reader, so duplicates can be reported and messages can name the rule.</summary>
    public static string? ReadId(YamlNode node, LoadContext context)
    {
        if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode("id"), out var idNode))
        {
            return null;
        }

        var id = YamlValues.Text(idNode, "the rule id", context.Diagnostics);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            context.Diagnostics.Add(idNode, $"Rule id '{id}' must be lowercase letters and digits separated by '-', '_' or '.'.");
        }

        return id;
    }

    private static RuleOutcome? ReadOutcome(YamlNode node, string owner, LoadContext context)
    {
        var what = $"'then' of {owner}";
        var map = MappingReader.Open(node, what, context.Diagnostics, "level", "category", "parties", "reason");
        if (map is null)
        {
            return null;
        }

        var level = map.Required("level") is { } l ? VocabularyReader.Level(l, $"'level' of {owner}", context) : null;
        var category = map.Required("category") is { } c ? VocabularyReader.Category(c, $"'category' of {owner}", context) : null;
        var parties = map.Required("parties") is { } p ? VocabularyReader.Parties(p, $"'parties' of {owner}", context) : null;
        var reason = map.Required("reason") is { } r ? YamlValues.Localized(r, $"'reason' of {owner}", context.Diagnostics) : null;
        return level is null || category is null || parties is null || reason is null
            ? null
            : new RuleOutcome(level.Value, category, parties, reason);
    }

    [GeneratedRegex("^[a-z0-9]+([-_.][a-z0-9]+)*$")]
    public static partial Regex IdPattern();
}
