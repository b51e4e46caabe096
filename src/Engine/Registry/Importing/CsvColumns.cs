namespace Cerebellum.Engine.Registry.Importing;

/// <summary>The CSV files an import understands: one per kind of record, named by kind, with these header
/// columns (any order). docs/registry.md documents the same table; a test keeps them in step.</summary>
public static class CsvColumns
{
    public static readonly IReadOnlyDictionary<string, string[]> ByFile = new Dictionary<string, string[]>
    {
        ["communities"] = ["id", "name"],
        ["compounds"] = ["id", "communityId", "name"],
        ["buildings"] = ["id", "compoundId", "name", "floors"],
        ["units"] = ["id", "buildingId", "entrance", "number", "floor"],
        ["households"] = ["id", "unitId", "careGroup"],
        ["members"] = ["householdId", "name", "birthYear", "phone", "disability"],
        ["devices"] = ["id", "kind", "vendor", "compoundId", "buildingId", "unitId", "label"],
        ["offices"] = ["id", "party", "name", "compounds", "email"],
    };

    /// <summary>Columns that may be left out of the header altogether (empty when absent).</summary>
    public static readonly IReadOnlySet<string> Optional = new HashSet<string>
    {
        "entrance", "careGroup", "phone", "disability", "buildingId", "unitId", "label", "compounds",
    };
}
