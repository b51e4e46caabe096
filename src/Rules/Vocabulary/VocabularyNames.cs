namespace Cerebellum.Rules;

/// <summary>
/// The lowercase names used for levels and parties in rule packs, facts (<c>CaseFact.CurrentLevel</c>) and
/// recorded events. One place, so the YAML spelling and the fact spelling can never drift apart.
/// </summary>
public static class VocabularyNames
{
    public static IReadOnlyList<string> LevelNames { get; } = ["red", "orange", "yellow", "blue"];

    public static IReadOnlyList<string> PartyNames { get; } = ["police", "property", "street", "health", "resident"];

    public static string Name(this RiskLevel level) => level switch
    {
        RiskLevel.Red => "red",
        RiskLevel.Orange => "orange",
        RiskLevel.Yellow => "yellow",
        RiskLevel.Blue => "blue",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a risk level."),
    };

    public static string Name(this Party party) => party switch
    {
        Party.Police => "police",
        Party.Property => "property",
        Party.Street => "street",
        Party.Health => "health",
        Party.Resident => "resident",
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "Not a party."),
    };

    /// <summary>Exact, case-sensitive: packs are data that gets diffed and reviewed, so one spelling only.</summary>
    public static bool TryParseLevel(string? name, out RiskLevel level)
    {
        level = name switch
        {
            "red" => RiskLevel.Red,
            "orange" => RiskLevel.Orange,
            "yellow" => RiskLevel.Yellow,
            "blue" => RiskLevel.Blue,
            _ => 0,
        };
        return level != 0;
    }

    public static bool TryParseParty(string? name, out Party party)
    {
        var index = name is null ? -1 : IndexOf(PartyNames, name);
        party = (Party)Math.Max(index, 0);
        return index >= 0;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
