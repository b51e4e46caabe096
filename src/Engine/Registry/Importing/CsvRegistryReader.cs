using System.Globalization;
using Cerebellum.Rules;

namespace Cerebellum.Engine.Registry.Importing;

/// <summary>Reads one CSV file of the registry into the batch, reporting type errors per row and field.</summary>
public static class CsvRegistryReader
{
    public static void Read(string kind, ImportFile file, RegistryBatch batch, List<ImportError> errors)
    {
        var csv = Rfc4180Reader.Read(file.Text);
        if (csv.Error is not null)
        {
            errors.Add(new ImportError(file.Name, csv.ErrorRow, "", csv.Error));
            return;
        }
        if (csv.Records.Count == 0)
        {
            errors.Add(new ImportError(file.Name, 1, "", "The file is empty; the first row names the columns."));
            return;
        }

        var expected = CsvColumns.ByFile[kind];
        var header = csv.Records[0].Fields.Select(h => h.Trim()).ToArray();
        var index = new Dictionary<string, int>();
        for (var c = 0; c < header.Length; c++)
        {
            var column = expected.FirstOrDefault(e => string.Equals(e, header[c], StringComparison.OrdinalIgnoreCase));
            if (column is null)
                errors.Add(new ImportError(file.Name, 1, header[c], $"Unknown column; {kind}.csv has {string.Join(", ", expected)}."));
            else if (!index.TryAdd(column, c))
                errors.Add(new ImportError(file.Name, 1, header[c], "The column appears twice."));
        }
        foreach (var missing in expected.Where(e => !index.ContainsKey(e) && !CsvColumns.IsOptional(kind, e)))
            errors.Add(new ImportError(file.Name, 1, missing, "Required column is missing."));
        if (errors.Any(e => e.File == file.Name)) return;

        foreach (var record in csv.Records.Skip(1))
        {
            var at = new RowRef(file.Name, record.Row, "");
            if (record.Fields.Count != header.Length)
            {
                errors.Add(at.Error("", $"The row has {record.Fields.Count} fields; the header has {header.Length}."));
                continue;
            }
            var row = new CsvRow(record.Fields, index, at, errors);
            AddRow(kind, row, at, batch);
        }
    }

    private static void AddRow(string kind, CsvRow r, RowRef at, RegistryBatch batch)
    {
        switch (kind)
        {
            case "communities": batch.Communities.Add(new(new Community(r["id"], r["name"]), at)); break;
            case "compounds": batch.Compounds.Add(new(new Compound(r["id"], r["communityId"], r["name"]), at)); break;
            case "buildings": batch.Buildings.Add(new(new Building(r["id"], r["compoundId"], r["name"], r.Int("floors")), at)); break;
            case "units":
                batch.Units.Add(new(new Unit(r["id"], r["buildingId"], r["entrance"], r["number"], r.Int("floor")), at));
                break;
            case "households": batch.Households.Add(new(new Household(r["id"], r["unitId"], [], r.Bool("careGroup")), at)); break;
            case "members":
                batch.Members.Add(new(new MemberRow(r["householdId"],
                    new Person(r["name"], r.Int("birthYear"), r["phone"], r.Bool("disability"))), at));
                break;
            case "devices":
                batch.Devices.Add(new(new Device(r["id"], r["kind"], r["vendor"], r["compoundId"],
                    NullIfEmpty(r["buildingId"]), NullIfEmpty(r["unitId"]), r["label"]), at));
                break;
            case "offices":
                var compounds = r["compounds"].Split([';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                batch.Offices.Add(new(new Office(r["id"], r.Party("party"), r["name"], compounds, r["email"]), at));
                break;
        }
    }

    private static string? NullIfEmpty(string s) => s == "" ? null : s;

    /// <summary>One data row: values by column name, trimmed; conversions report their own errors.</summary>
    private sealed class CsvRow(IReadOnlyList<string> fields, Dictionary<string, int> index, RowRef at, List<ImportError> errors)
    {
        public string this[string column] => index.TryGetValue(column, out var i) ? fields[i].Trim() : "";

        public int Int(string column)
        {
            if (int.TryParse(this[column], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
            errors.Add(at.Error(column, this[column] == "" ? "Required." : $"'{this[column]}' is not a whole number."));
            return 0;
        }

        public bool Bool(string column)
        {
            switch (this[column].ToLowerInvariant())
            {
                case "" or "false" or "0" or "no" or "n" or "否": return false;
                case "true" or "1" or "yes" or "y" or "是": return true;
                default:
                    errors.Add(at.Error(column, $"'{this[column]}' is not true or false."));
                    return false;
            }
        }

        public Party Party(string column)
        {
            if (Enum.TryParse<Party>(this[column], ignoreCase: true, out var party) && !int.TryParse(this[column], out _))
                return party;
            errors.Add(at.Error(column, $"'{this[column]}' is not one of {RegistryFormats.PartyNames}."));
            return default;
        }
    }
}
