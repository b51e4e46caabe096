namespace Cerebellum.Rules.BackTesting;

/// <summary>
/// Accumulates back-tested cases one at a time (the reader streams them, so a month of history never sits in
/// memory at once) and keeps only counts and the cases that would change.
/// </summary>
public sealed class BackTestReportBuilder(string packId, int packVersion, DateTimeOffset from, DateTimeOffset to)
{
    private readonly Dictionary<(string, string), int> levels = [];
    private readonly Dictionary<(string, string), int> categories = [];
    private readonly Dictionary<string, (int Added, int Removed)> rules = new(StringComparer.Ordinal);
    private readonly List<BackTestCase> affected = [];
    private int items;
    private int cases;
    private int factsCompared;
    private int factsReproduced;

    public void Add(BackTestCase result)
    {
        ArgumentNullException.ThrowIfNull(result);
        cases++;
        items += result.Items;
        Count(levels, (result.Recorded.LevelName, result.New.LevelName));
        if (!result.Changed) return;

        affected.Add(result);
        if (result.CategoryChanged) Count(categories, (Name(result.Recorded.Category), Name(result.New.Category)));
        foreach (var id in result.RulesAdded) rules[id] = rules.GetValueOrDefault(id) with { Added = rules.GetValueOrDefault(id).Added + 1 };
        foreach (var id in result.RulesRemoved) rules[id] = rules.GetValueOrDefault(id) with { Removed = rules.GetValueOrDefault(id).Removed + 1 };
    }

    /// <summary>Counts an item whose facts could be compared with the digest recorded with its assessment.</summary>
    public void CountFacts(bool reproduced)
    {
        factsCompared++;
        if (reproduced) factsReproduced++;
    }

    public BackTestReport Build() => new(
        packId, packVersion, from, to, items, cases, factsCompared, factsReproduced,
        Transitions(levels), Transitions(categories),
        [.. rules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new RuleDifference(r.Key, r.Value.Added, r.Value.Removed))],
        [.. affected.OrderByDescending(c => c.New.Level ?? 0).ThenBy(c => c.CaseId)]);

    private static string Name(string category) => category == "" ? "none" : category;

    private static void Count(Dictionary<(string, string), int> counts, (string, string) key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    // Changes first (largest first), then the unchanged pairs, so the table reads top-down by importance.
    private static IReadOnlyList<Transition> Transitions(Dictionary<(string From, string To), int> counts) =>
        [.. counts.OrderBy(c => c.Key.From == c.Key.To).ThenByDescending(c => c.Value)
            .ThenBy(c => c.Key.From, StringComparer.Ordinal).ThenBy(c => c.Key.To, StringComparer.Ordinal)
            .Select(c => new Transition(c.Key.From, c.Key.To, c.Value))];
}
