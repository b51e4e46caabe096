using Cerebellum.Engine.Registry;
using Cerebellum.Engine.Registry.Importing;
using Cerebellum.Testing;

namespace Cerebellum.Engine.Tests.Registry;

public sealed class RegistryValidatorTests
{
    [Fact]
    public void The_valid_set_has_no_errors_and_counts_every_record()
    {
        var (batch, errors) = RegistryImportParser.Parse(RegistryFiles.With(), RegistrySnapshot.Empty, 2026);
        errors.ShouldBeEmpty();
        batch.Counts.ShouldBe(new ImportCounts(1, 1, 1, 1, 1, 1, 1, 1));
        batch.AssembledHouseholds().Single().Members.Single().Name.ShouldBe("张桂兰");
    }

    [Theory]
    // Referential integrity
    [InlineData("compounds.csv", "cy1,nowhere,翠苑一区", "communityId", "No community 'nowhere'")]
    [InlineData("buildings.csv", "cy1-b1,cy9,1幢,6", "compoundId", "No compound 'cy9'")]
    [InlineData("units.csv", "cy1-b1-u0101,cy1-b9,1单元,101室,1", "buildingId", "No building 'cy1-b9'")]
    [InlineData("households.csv", "hh-cy1-b1-u0101,cy1-b1-u0999,true", "unitId", "No unit 'cy1-b1-u0999'")]
    [InlineData("devices.csv", "dev-smoke-cy1-b1-u0101,smoke,hikvision,cy1,cy1-b1,cy1-b1-u0999,烟感", "unitId", "No unit")]
    [InlineData("devices.csv", "dev-smoke-cy1-b1-u0101,smoke,hikvision,cy7,,,烟感", "compoundId", "No compound 'cy7'")]
    [InlineData("offices.csv", "property-lvcheng,property,绿城物业,cy1;cy7,cy1@lvcheng.example.cn", "compounds", "No compound 'cy7'")]
    // Formats
    [InlineData("members.csv", "hh-cy1-b1-u0101,张桂兰,1850,17000009999,false", "birthYear", "not between 1900 and 2026")]
    [InlineData("members.csv", "hh-cy1-b1-u0101,张桂兰,2030,17000009999,false", "birthYear", "not between 1900 and 2026")]
    [InlineData("members.csv", "hh-cy1-b1-u0101,张桂兰,nineteen,17000009999,false", "birthYear", "not a whole number")]
    [InlineData("members.csv", "hh-cy1-b1-u0101,张桂兰,1948,12345,false", "phone", "not a mobile number")]
    [InlineData("members.csv", "hh-cy1-b1-u0101,,1948,17000009999,false", "name", "Required")]
    [InlineData("members.csv", "hh-cy1-b1-u0101,张桂兰,1948,17000009999,maybe", "disability", "not true or false")]
    [InlineData("members.csv", "hh-elsewhere,张桂兰,1948,17000009999,false", "householdId", "not in this import")]
    [InlineData("devices.csv", "dev-smoke-cy1-b1-u0101,Smoke_Alarm,hikvision,cy1,cy1-b1,cy1-b1-u0101,烟感", "kind", "lowercase words joined by dashes")]
    [InlineData("devices.csv", "dev-smoke-cy1-b1-u0101,smoke,HikVision,cy1,cy1-b1,cy1-b1-u0101,烟感", "vendor", "lowercase")]
    [InlineData("devices.csv", "Dev Smoke,smoke,hikvision,cy1,cy1-b1,cy1-b1-u0101,烟感", "id", "is not lowercase letters and digits")]
    [InlineData("buildings.csv", "cy1-b1,cy1,1幢,0", "floors", "not between 1 and 200")]
    [InlineData("units.csv", "cy1-b1-u0101,cy1-b1,1单元,101室,7", "floor", "not between 1 and 6")]
    [InlineData("offices.csv", "property-lvcheng,fire-brigade,绿城物业,cy1,cy1@lvcheng.example.cn", "party", "police, property, street, health, resident")]
    [InlineData("offices.csv", "property-lvcheng,property,绿城物业,cy1,not-an-address", "email", "not an e-mail address")]
    public void A_bad_field_is_reported_with_its_file_row_and_field(string file, string row, string field, string reason)
    {
        var errors = RegistryFiles.Errors(RegistryFiles.With((file, [RegistryFiles.Valid[file][0], row])));
        var error = errors.ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Row.ShouldBe(2);
        error.Field.ShouldBe(field);
        error.Reason.ShouldContain(reason);
    }

    [Fact]
    public void A_device_in_a_building_of_another_compound_is_refused()
    {
        var errors = RegistryFiles.Errors(RegistryFiles.With(
            ("compounds.csv", ["id,communityId,name", "cy1,cuiyuan,翠苑一区", "cy2,cuiyuan,翠苑二区"]),
            ("devices.csv", [RegistryFiles.Valid["devices.csv"][0], "dev-door-cy1-b1,door-forced,dahua,cy2,cy1-b1,,门禁"])));
        errors.ShouldHaveSingleItem().ShouldBe(new ImportError("devices.csv", 2, "buildingId",
            "Building 'cy1-b1' is in compound 'cy1', not 'cy2'."));
    }

    [Fact]
    public void A_duplicate_id_names_the_second_row_and_where_the_first_was()
    {
        var errors = RegistryFiles.Errors(RegistryFiles.With(("units.csv",
            [RegistryFiles.Valid["units.csv"][0], RegistryFiles.Valid["units.csv"][1], "cy1-b1-u0102,cy1-b1,1单元,102室,1", RegistryFiles.Valid["units.csv"][1]])));
        errors.ShouldHaveSingleItem().ShouldBe(new ImportError("units.csv", 4, "id",
            "Duplicate id 'cy1-b1-u0101' (first at units.csv row 2)."));
    }

    [Fact]
    public void A_flat_has_at_most_one_household()
    {
        var errors = RegistryFiles.Errors(RegistryFiles.With(("households.csv",
            ["id,unitId,careGroup", "hh-cy1-b1-u0101,cy1-b1-u0101,true", "hh-cy1-b1-u0101-b,cy1-b1-u0101,false"])));
        errors.ShouldHaveSingleItem().ShouldBe(new ImportError("households.csv", 3, "unitId",
            "Unit 'cy1-b1-u0101' already has a household in this import (households.csv row 2)."));
    }

    [Fact]
    public void A_second_household_for_a_flat_that_has_one_stored_is_refused()
    {
        var stored = RegistrySnapshot.Empty with { HouseholdOfUnit = new Dictionary<string, string> { ["cy1-b1-u0101"] = "hh-old" } };
        var (_, errors) = RegistryImportParser.Parse(RegistryFiles.With(), stored, 2026);
        errors.ShouldHaveSingleItem().ShouldBe(new ImportError("households.csv", 2, "unitId",
            "Unit 'cy1-b1-u0101' already has household 'hh-old'; use that id to replace it."));
    }

    [Fact]
    public void A_missing_or_unknown_column_is_reported_on_the_header_row()
    {
        var errors = RegistryFiles.Errors(RegistryFiles.With(("buildings.csv", ["id,compoundId,name,storeys", "cy1-b1,cy1,1幢,6"])));
        errors.ShouldContain(new ImportError("buildings.csv", 1, "storeys", "Unknown column; buildings.csv has id, compoundId, name, floors."));
        errors.ShouldContain(new ImportError("buildings.csv", 1, "floors", "Required column is missing."));
    }

    [Fact]
    public void A_file_of_unknown_name_is_refused_as_a_whole()
    {
        var errors = RegistryFiles.Errors(new ImportFile("residents.csv", "id\r\nx\r\n"));
        errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.File.ShouldBe("residents.csv"), e => e.Row.ShouldBe(0), e => e.Reason.ShouldContain("units.csv"));
    }

    [Fact]
    public void Json_errors_name_the_section_position_and_field()
    {
        const string json = """
            {"compounds":[{"id":"cy1","communityId":"cuiyuan","name":"翠苑一区"}],
             "buildings":[{"id":"cy1-b1","compoundId":"cy1","name":"1幢","floors":6},{"id":"cy1-b2","compoundId":"cy1","name":"2幢","floors":"six"}],
             "units":[{"id":"cy1-b1-u0101","buildingId":"cy1-b7","entrance":"1单元","number":"101室","floor":1}],
             "households":[{"id":"hh-1","unitId":"cy1-b1-u0101","careGroup":false,"members":[{"name":"王芳","birthYear":1800,"phone":"","disability":false}]}]}
            """;
        var stored = RegistrySnapshot.Empty with { Communities = new HashSet<string> { "cuiyuan" } };
        var (_, errors) = RegistryImportParser.Parse([new ImportFile("cuiyuan.json", json)], stored, 2026);
        errors.Select(e => (e.File, e.Row, e.Field)).ShouldBe(
        [
            ("cuiyuan.json", 2, "buildings[1].floors"),
            ("cuiyuan.json", 1, "units[0].buildingId"),
            ("cuiyuan.json", 1, "households[0].members[0].birthYear"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void References_may_point_at_records_already_stored()
    {
        var stored = new RegistrySnapshot(new HashSet<string> { "cuiyuan" }, new Dictionary<string, string> { ["cy1"] = "cuiyuan" },
            new Dictionary<string, Building> { ["cy1-b1"] = new("cy1-b1", "cy1", "1幢", 6) },
            new Dictionary<string, string> { ["cy1-b1-u0101"] = "cy1-b1" });
        var devices = new ImportFile("devices.csv", string.Join("\n", RegistryFiles.Valid["devices.csv"]));
        RegistryImportParser.Parse([devices], stored, 2026).Errors.ShouldBeEmpty();
        RegistryImportParser.Parse([devices], RegistrySnapshot.Empty, 2026).Errors.Count.ShouldBe(3);
    }

    [Fact]
    public void The_sample_community_file_is_a_valid_import()
    {
        var path = Path.Combine(RepoPaths.Samples, "community", "community.json");
        var (batch, errors) = RegistryImportParser.Parse([new ImportFile("community.json", File.ReadAllText(path))], RegistrySnapshot.Empty, 2026);
        errors.ShouldBeEmpty();
        batch.Counts.Households.ShouldBeGreaterThanOrEqualTo(1500);
        batch.Counts.Devices.ShouldBeGreaterThanOrEqualTo(600);
    }
}
