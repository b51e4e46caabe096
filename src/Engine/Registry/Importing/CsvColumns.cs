namespace Cerebellum.Engine.Registry.Importing;

/// <summary>The CSV files an import understands: one per kind of record, named by kind, with these header
/// columns (any order). docs/registry.md documents the same table; a test keeps them in step.</summary>
public static class CsvColumns
{
    // A trailing '?' marks a column that may be left out of the header altogether (read as empty).
    private static readonly Dictionary<string, string[]> Declared = new()
    {
        ["communities"] = ["id", "name"],
        ["compounds"] = ["id", "communityId", "name"],
        ["buildings"] = ["id", "compoundId", "name", "floors"],
        ["units"] = ["id", "buildingId", "entrance?", "number", "floor"],
        ["households"] = ["id", "unitId", "careGroup?"],
        ["members"] = ["householdId", "name", "birthYear", "phone?", "disability?"],
        ["devices"] = ["id", "kind", "vendor", "compoundId", "buildingId?", "unitId?", "label?"],
        ["offices"] = ["id", "party", "name", "compounds?", "email"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> ByFile =
        Declared.ToDictionary(f => f.Key, f => f.Value.Select(c => c.TrimEnd('?')).ToArray());

    public static bool IsOptional(string file, string column) => Declared[file].Contains(column + "?");
}
