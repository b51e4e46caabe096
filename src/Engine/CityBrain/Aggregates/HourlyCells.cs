using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.CityBrain.Entities;
using Cerebellum.Rules;

namespace Cerebellum.Engine.CityBrain.Aggregates;

/// <summary>One cell of the hourly table: a building, where the cases came from, their category and level.</summary>
public sealed record CellKey([property: Public] string BuildingId, [property: Public] string Source, [property: Public] string Category, [property: Public] string Level);

/// <summary>A published cell: <see cref="Count"/> is null when suppressed (1 to 4 cases, sent as "&lt;5").</summary>
public sealed record Cell([property: Public] CellKey Key, [property: Public] int? Count);

/// <summary>What the hourly aggregate knows of one case.</summary>
public sealed record CountedCase(string BuildingId, string ItemType, string Category, RiskLevel? Level);

/// <summary>Counting with small-count suppression (docs/city-brain-feed.md, "Suppression rule"): cells with 1–4
/// cases are reported as "&lt;5", cells with none are not reported, and no total over cells is ever published, so no
/// suppressed cell can be recovered by subtracting the published cells from a published total. Cases of each
/// source (device, complaint, health, manual) are counted in separate cells, so cases the per-case feed shows
/// one by one are never mixed into a cell with cases it does not show.</summary>
public static class HourlyCells
{
    public const int Threshold = 5;

    public static IReadOnlyList<Cell> Count(IEnumerable<CountedCase> cases) =>
        [.. cases
            .Where(c => c.BuildingId != "")
            .GroupBy(c => new CellKey(c.BuildingId, Source(c.ItemType), CaseEntities.Ours(c.Category), Level(c.Level)))
            .Select(g => new Cell(g.Key, g.Count() >= Threshold ? g.Count() : null))
            .OrderBy(c => c.Key.BuildingId, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Category, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Level, StringComparer.Ordinal)];

    public static string Source(string itemType) => itemType switch
    {
        "signal" => "device",
        "complaint" or "health" or "manual" => itemType,
        _ => "other",
    };

    public static string Level(RiskLevel? level) => level?.ToString().ToLowerInvariant() ?? "unassessed";
}
