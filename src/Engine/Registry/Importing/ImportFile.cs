namespace Cerebellum.Engine.Registry.Importing;

/// <summary>One uploaded file: its name decides what it holds (<c>units.csv</c>, <c>community.json</c>).</summary>
public sealed record ImportFile(string Name, string Text);

/// <summary>One reason a registry import was refused. Row is 1-based: in a CSV file the header is row 1 (as a
/// spreadsheet shows it); in a JSON file it is the position in the array the field belongs to. Row 0 means the
/// file as a whole.</summary>
public sealed record ImportError(string File, int Row, string Field, string Reason);

/// <summary>How many records of each kind an import stored.</summary>
public sealed record ImportCounts(
    int Communities, int Compounds, int Buildings, int Units, int Households, int Members, int Devices, int Offices);

/// <summary>Either the counts of what was stored, or every error found (and nothing stored).</summary>
public sealed record ImportResult(ImportCounts? Counts, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
