namespace Cerebellum.Engine.Registry.Importing;

/// <summary>Where a record came from, so an error can name file, row and field.
/// Prefix is empty for CSV (fields are column names) and a JSON path such as <c>units[2].</c> for JSON.</summary>
public sealed record RowRef(string File, int Row, string Prefix)
{
    public ImportError Error(string field, string reason) => new(File, Row, Prefix + field, reason);
    public override string ToString() => $"{File} row {Row}";
}

public sealed record Sourced<T>(T Item, RowRef At);

/// <summary>A household member before it is put into its household (CSV keeps members in their own file).</summary>
public sealed record MemberRow(string HouseholdId, Person Person);

/// <summary>Everything read from the files of one import, each record with its origin.</summary>
public sealed class RegistryBatch
{
    public List<Sourced<Community>> Communities { get; } = [];
    public List<Sourced<Compound>> Compounds { get; } = [];
    public List<Sourced<Building>> Buildings { get; } = [];
    public List<Sourced<Unit>> Units { get; } = [];
    public List<Sourced<Household>> Households { get; } = [];
    public List<Sourced<MemberRow>> Members { get; } = [];
    public List<Sourced<Device>> Devices { get; } = [];
    public List<Sourced<Office>> Offices { get; } = [];

    public ImportCounts Counts => new(Communities.Count, Compounds.Count, Buildings.Count, Units.Count,
        Households.Count, Members.Count, Devices.Count, Offices.Count);

    /// <summary>Households with exactly the members this import lists for them.</summary>
    public IEnumerable<Household> AssembledHouseholds()
    {
        var members = Members.ToLookup(m => m.Item.HouseholdId, m => m.Item.Person);
        return Households.Select(h => h.Item with { Members = members[h.Item.Id].ToArray() });
    }
}
