using Cerebellum.Engine.Registry;
using Cerebellum.Engine.Registry.Importing;
using Marten;

namespace Cerebellum.Engine.Tests.Registry;

/// <summary>Imports against the real PostgreSQL of the engine fixture, with ids of their own so that the sample
/// community other tests use stays as it is.</summary>
[Collection(nameof(EngineCollection))]
public sealed class RegistryImportTests(EngineFixture fixture)
{
    private RegistryImporter Importer => new(fixture.Store, TimeProvider.System);

    private static ImportFile[] NewCompound(string id, string name, string buildingsRow) =>
    [
        new("compounds.csv", $"id,communityId,name\n{id},cuiyuan,{name}\n"),
        new("buildings.csv", $"id,compoundId,name,floors\n{buildingsRow}\n"),
    ];

    [Fact]
    public async Task A_valid_import_is_stored_and_a_second_import_updates_by_id()
    {
        var first = await Importer.ImportAsync(NewCompound("imp1", "导入一区", "imp1-b1,imp1,1幢,18"), default);
        first.Errors.ShouldBeEmpty();
        first.Counts!.Compounds.ShouldBe(1);

        var second = await Importer.ImportAsync(
            [new ImportFile("buildings.csv", "id,compoundId,name,floors\nimp1-b1,imp1,\"1幢 (东楼)\",24\n")], default);
        second.Errors.ShouldBeEmpty();

        await using var session = fixture.Store.QuerySession();
        (await session.LoadAsync<Compound>("imp1"))!.Name.ShouldBe("导入一区");
        var building = await session.LoadAsync<Building>("imp1-b1");
        building!.Name.ShouldBe("1幢 (东楼)");
        building.Floors.ShouldBe(24);
    }

    [Fact]
    public async Task One_bad_row_stores_nothing_at_all()
    {
        var result = await Importer.ImportAsync(NewCompound("imp2", "导入二区", "imp2-b1,imp-nowhere,1幢,6"), default);

        result.Errors.ShouldHaveSingleItem().ShouldBe(
            new ImportError("buildings.csv", 2, "compoundId", "No compound 'imp-nowhere' in this import or the registry."));
        await using var session = fixture.Store.QuerySession();
        (await session.LoadAsync<Compound>("imp2")).ShouldBeNull();
        (await session.LoadAsync<Building>("imp2-b1")).ShouldBeNull();
    }

    [Fact]
    public async Task Households_are_stored_with_the_members_listed_for_them()
    {
        var result = await Importer.ImportAsync(
        [
            new("buildings.csv", "id,compoundId,name,floors\nimp3-b1,cy2,99幢,12\n"),
            new("units.csv", "id,buildingId,entrance,number,floor\nimp3-b1-u0901,imp3-b1,1单元,901室,9\n"),
            new("households.csv", "id,unitId,careGroup\nhh-imp3-b1-u0901,imp3-b1-u0901,yes\n"),
            new("members.csv", "householdId,name,birthYear,phone,disability\nhh-imp3-b1-u0901,\"欧阳, 秀英\",1941,0571-87650000,是\n"),
        ], default);

        result.Errors.ShouldBeEmpty();
        await using var session = fixture.Store.QuerySession();
        var household = await session.LoadAsync<Household>("hh-imp3-b1-u0901");
        household!.CareGroup.ShouldBeTrue();
        household.Members.ShouldHaveSingleItem().ShouldBe(new Person("欧阳, 秀英", 1941, "0571-87650000", true));
    }
}
