using System.Text.Json;

namespace Cerebellum.Engine.Registry.Importing;

/// <summary>Reads a JSON file in the shape of samples/community/community.json (every section optional).
/// Each array element is read on its own so that a type error names its section, position and field.</summary>
public static class JsonRegistryReader
{
    // Sign-ins seed the demo on first start; users are not registry data and an import leaves them alone.
    private static readonly HashSet<string> Ignored = ["accounts"];

    public static void Read(ImportFile file, RegistryBatch batch, List<ImportError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.Text, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            errors.Add(new ImportError(file.Name, 0, "$", $"Not valid JSON (line {e.LineNumber + 1}): {e.Message}"));
            return;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ImportError(file.Name, 0, "$", "The file is one JSON object with the sections as properties."));
                return;
            }
            foreach (var section in document.RootElement.EnumerateObject())
                ReadSection(file.Name, section, batch, errors);
        }
    }

    private static void ReadSection(string file, JsonProperty section, RegistryBatch batch, List<ImportError> errors)
    {
        var name = section.Name;
        if (Ignored.Contains(name)) return;
        if (name == "community")
        {
            if (Element<Community>(file, section.Value, 1, "community.", errors) is { } community)
                batch.Communities.Add(new(community, new RowRef(file, 1, "community.")));
            return;
        }
        if (!CsvColumns.ByFile.ContainsKey(name) || name == "members")
        {
            errors.Add(new ImportError(file, 0, name,
                "Unknown section; use community, compounds, buildings, units, households, devices, offices."));
            return;
        }
        if (section.Value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ImportError(file, 0, name, "This section is a JSON array."));
            return;
        }
        var position = 0;
        foreach (var element in section.Value.EnumerateArray())
        {
            var at = new RowRef(file, position + 1, $"{name}[{position}].");
            position++;
            switch (name)
            {
                case "communities": Add(batch.Communities, Element<Community>(file, element, at, errors), at); break;
                case "compounds": Add(batch.Compounds, Element<Compound>(file, element, at, errors), at); break;
                case "buildings": Add(batch.Buildings, Element<Building>(file, element, at, errors), at); break;
                // Optional text and lists left out of the JSON are stored empty, never null.
                case "units":
                    Add(batch.Units, Element<Unit>(file, element, at, errors) is { } u ? u with { Entrance = u.Entrance ?? "" } : null, at);
                    break;
                case "devices":
                    Add(batch.Devices, Element<Device>(file, element, at, errors) is { } d ? d with { Label = d.Label ?? "" } : null, at);
                    break;
                case "offices":
                    Add(batch.Offices, Element<Office>(file, element, at, errors) is { } o ? o with { Compounds = o.Compounds ?? [] } : null, at);
                    break;
                case "households": AddHousehold(batch, Element<Household>(file, element, at, errors), at); break;
            }
        }
    }

    private static void AddHousehold(RegistryBatch batch, Household? household, RowRef at)
    {
        if (household is null) return;
        var members = household.Members ?? [];
        batch.Households.Add(new(household with { Members = [] }, at));
        for (var m = 0; m < members.Count; m++)
            batch.Members.Add(new(new MemberRow(household.Id, members[m]), at with { Prefix = $"{at.Prefix}members[{m}]." }));
    }

    private static void Add<T>(List<Sourced<T>> list, T? item, RowRef at) where T : class
    {
        if (item is not null) list.Add(new(item, at));
    }

    private static T? Element<T>(string file, JsonElement element, RowRef at, List<ImportError> errors) where T : class =>
        Element<T>(file, element, at.Row, at.Prefix, errors);

    private static T? Element<T>(string file, JsonElement element, int row, string prefix, List<ImportError> errors) where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ImportError(file, row, prefix.TrimEnd('.'), "Each record is a JSON object."));
            return null;
        }
        try
        {
            return element.Deserialize<T>(Serialization.Json);
        }
        catch (JsonException e)
        {
            var field = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            var reason = field.EndsWith("party", StringComparison.Ordinal)
                ? $"Not one of {RegistryFormats.PartyNames}."
                : "This field has the wrong type or format.";
            errors.Add(new ImportError(file, row, prefix + field, reason));
            return null;
        }
    }
}
