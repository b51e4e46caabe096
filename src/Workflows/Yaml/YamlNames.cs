using System.Collections.Frozen;
using System.Text;
using Cerebellum.Rules;

namespace Cerebellum.Workflows.Yaml;

/// <summary>
/// The lowercase YAML spellings of enums. Risk levels and parties defer to
/// <see cref="VocabularyNames"/> in Cerebellum.Rules so that rule packs, routing definitions and
/// recorded events spell them the same way; this library's own enums become kebab-case.
/// Parsing is exact and case-sensitive: numeric strings such as "3", which Enum.TryParse would
/// accept, must not sneak in as a level.
/// </summary>
internal static class YamlNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => value switch
        {
            RiskLevel level => level.Name(),
            Party party => party.Name(),
            _ => Table<T>.ByValue.TryGetValue(value, out var name) ? name : value.ToString(),
        };

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        if (typeof(T) == typeof(RiskLevel))
        {
            var ok = VocabularyNames.TryParseLevel(text, out var level);
            value = (T)(object)level;
            return ok;
        }

        if (typeof(T) == typeof(Party))
        {
            var ok = VocabularyNames.TryParseParty(text, out var party);
            value = (T)(object)party;
            return ok;
        }

        return Table<T>.ByName.TryGetValue(text, out value);
    }

    public static IEnumerable<string> All<T>()
        where T : struct, Enum =>
        typeof(T) == typeof(RiskLevel) ? VocabularyNames.LevelNames
        : typeof(T) == typeof(Party) ? VocabularyNames.PartyNames
        : Table<T>.ByName.Keys;

    private static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }

    private static class Table<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly FrozenDictionary<string, T> ByName =
            ByValue.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}
