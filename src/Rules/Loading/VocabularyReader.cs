using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Loading;

/// <summary>Reads levels, parties and categories, checking them against the closed vocabularies.</summary>
internal static class VocabularyReader
{
    public static RiskLevel? Level(YamlNode node, string what, LoadContext context)
    {
        var text = YamlValues.Text(node, what, context.Diagnostics);
        if (text is null)
        {
            return null;
        }

        if (VocabularyNames.TryParseLevel(text, out var level))
        {
            return level;
        }

        context.Diagnostics.Add(node, $"Unknown level '{text}'. Use one of: {string.Join(", ", VocabularyNames.LevelNames)}."
            + NameSuggestions.Hint(text, VocabularyNames.LevelNames));
        return null;
    }

    /// <summary>Parties in the stable order (police, property, street, health, resident), whatever order they were written in.</summary>
    public static IReadOnlyList<Party>? Parties(YamlNode node, string what, LoadContext context)
    {
        var items = YamlValues.ScalarList(node, what, context.Diagnostics);
        if (items is null)
        {
            return null;
        }

        var parties = new SortedSet<Party>();
        var ok = true;
        foreach (var item in items)
        {
            if (!VocabularyNames.TryParseParty(item.Value, out var party))
            {
                context.Diagnostics.Add(item, $"Unknown party '{item.Value}'. Use one of: {string.Join(", ", VocabularyNames.PartyNames)}."
                    + NameSuggestions.Hint(item.Value!, VocabularyNames.PartyNames));
                ok = false;
            }
            else if (!parties.Add(party))
            {
                context.Diagnostics.Add(item, $"Party '{item.Value}' is listed twice in {what}.");
                ok = false;
            }
        }

        return ok ? parties.ToList() : null;
    }

    public static string? Category(YamlNode node, string what, LoadContext context)
    {
        var text = YamlValues.Text(node, what, context.Diagnostics);
        if (text is null || context.Categories is null || context.Categories.Contains(text))
        {
            return text;
        }

        context.Diagnostics.Add(node, $"Unknown category '{text}': it is not declared in 'categories' ({string.Join(", ", context.Categories)})."
            + NameSuggestions.Hint(text, context.Categories));
        return null;
    }
}
