namespace Cerebellum.Engine.Registry.Importing;

/// <summary>Checks a parsed batch: required fields and formats, duplicate ids, and that every reference
/// points at a record in the batch or already stored. Pure: the stored registry comes in as a snapshot.</summary>
public static class RegistryValidator
{
    public static void Validate(RegistryBatch batch, RegistrySnapshot stored, int currentYear, List<ImportError> errors)
    {
        var communities = new HashSet<string>(stored.Communities);
        communities.UnionWith(batch.Communities.Select(c => c.Item.Id ?? ""));
        var compounds = new HashSet<string>(stored.CompoundCommunity.Keys);
        compounds.UnionWith(batch.Compounds.Select(c => c.Item.Id ?? ""));
        var buildings = new Dictionary<string, Building>(stored.Buildings);
        foreach (var b in batch.Buildings) buildings[b.Item.Id ?? ""] = b.Item;
        var units = new Dictionary<string, string>(stored.UnitBuilding);
        foreach (var u in batch.Units) units[u.Item.Id ?? ""] = u.Item.BuildingId ?? "";
        var households = batch.Households.Select(h => h.Item.Id ?? "").ToHashSet();
        var check = new Checker(errors);

        check.UniqueIds(batch.Communities, c => c.Id);
        foreach (var (c, at) in batch.Communities) check.Text(at, "name", c.Name);

        check.UniqueIds(batch.Compounds, c => c.Id);
        foreach (var (c, at) in batch.Compounds)
        {
            check.Text(at, "name", c.Name);
            check.Reference(at, "communityId", c.CommunityId, communities, "community");
        }

        check.UniqueIds(batch.Buildings, b => b.Id);
        foreach (var (b, at) in batch.Buildings)
        {
            check.Text(at, "name", b.Name);
            check.Reference(at, "compoundId", b.CompoundId, compounds, "compound");
            if (b.Floors is < 1 or > RegistryFormats.MaxFloors)
                errors.Add(at.Error("floors", $"{b.Floors} is not between 1 and {RegistryFormats.MaxFloors}."));
        }

        check.UniqueIds(batch.Units, u => u.Id);
        foreach (var (u, at) in batch.Units)
        {
            check.Text(at, "number", u.Number);
            if (check.Reference(at, "buildingId", u.BuildingId, buildings.Keys, "building")
                && (u.Floor < 1 || u.Floor > Math.Max(1, buildings[u.BuildingId].Floors)))
                errors.Add(at.Error("floor", $"{u.Floor} is not between 1 and {buildings[u.BuildingId].Floors}, the floors of {u.BuildingId}."));
        }

        check.UniqueIds(batch.Households, h => h.Id);
        // One household per flat: a case at a unit reads "the" household there.
        var householdOfUnit = new Dictionary<string, RowRef>();
        foreach (var (h, at) in batch.Households)
        {
            if (!check.Reference(at, "unitId", h.UnitId, units.Keys, "unit")) continue;
            if (!householdOfUnit.TryAdd(h.UnitId, at))
                errors.Add(at.Error("unitId", $"Unit '{h.UnitId}' already has a household in this import ({householdOfUnit[h.UnitId]})."));
            else if (stored.HouseholdOfUnit?.GetValueOrDefault(h.UnitId) is { } existing && existing != h.Id)
                errors.Add(at.Error("unitId", $"Unit '{h.UnitId}' already has household '{existing}'; use that id to replace it."));
        }

        foreach (var (m, at) in batch.Members)
        {
            var fromCsv = at.Prefix == "";
            if (fromCsv && string.IsNullOrEmpty(m.HouseholdId)) errors.Add(at.Error("householdId", "Required."));
            else if (fromCsv && !households.Contains(m.HouseholdId))
                errors.Add(at.Error("householdId", $"Household '{m.HouseholdId}' is not in this import; import households.csv with members.csv."));
            check.Text(at, "name", m.Person?.Name);
            if (m.Person is null) continue;
            if (m.Person.BirthYear < RegistryFormats.EarliestBirthYear || m.Person.BirthYear > currentYear)
                errors.Add(at.Error("birthYear", $"{m.Person.BirthYear} is not between {RegistryFormats.EarliestBirthYear} and {currentYear}."));
            if (!string.IsNullOrEmpty(m.Person.Phone) && !RegistryFormats.Phone().IsMatch(m.Person.Phone))
                errors.Add(at.Error("phone", $"'{m.Person.Phone}' is not a mobile number (11 digits from 13x to 19x) or a landline (0571-87654321)."));
        }

        check.UniqueIds(batch.Devices, d => d.Id);
        foreach (var (d, at) in batch.Devices)
        {
            check.Format(at, "kind", d.Kind, RegistryFormats.Kind(), "lowercase words joined by dashes, e.g. water-leak");
            check.Format(at, "vendor", d.Vendor, RegistryFormats.Kind(), "lowercase words joined by dashes, e.g. hikvision");
            check.Reference(at, "compoundId", d.CompoundId, compounds, "compound");
            if (d.BuildingId is not null && check.Reference(at, "buildingId", d.BuildingId, buildings.Keys, "building")
                && compounds.Contains(buildings[d.BuildingId].CompoundId) && buildings[d.BuildingId].CompoundId != d.CompoundId)
                errors.Add(at.Error("buildingId", $"Building '{d.BuildingId}' is in compound '{buildings[d.BuildingId].CompoundId}', not '{d.CompoundId}'."));
            if (d.UnitId is null) continue;
            if (d.BuildingId is null) errors.Add(at.Error("buildingId", "A device in a unit also names the unit's building."));
            // A mismatch is only worth reporting when the unit's own building is sound (no cascades of one error).
            else if (check.Reference(at, "unitId", d.UnitId, units.Keys, "unit")
                     && buildings.ContainsKey(units[d.UnitId]) && units[d.UnitId] != d.BuildingId)
                errors.Add(at.Error("unitId", $"Unit '{d.UnitId}' is in building '{units[d.UnitId]}', not '{d.BuildingId}'."));
        }

        check.UniqueIds(batch.Offices, o => o.Id);
        foreach (var (o, at) in batch.Offices)
        {
            check.Text(at, "name", o.Name);
            check.Format(at, "email", o.Email, RegistryFormats.Email(), "an e-mail address");
            var listed = o.Compounds ?? [];
            for (var i = 0; i < listed.Count; i++)
                check.Reference(at, at.Prefix == "" ? "compounds" : $"compounds[{i}]", listed[i], compounds, "compound");
        }
    }
}
