using Cerebellum.Engine.Registry;
using Cerebellum.Engine.Registry.Importing;
using Cerebellum.Rules;
using Cerebellum.Testing;

namespace Cerebellum.Engine.Tests.Registry;

/// <summary>The sample community is big and varied enough to demonstrate the product, and keeps the ids that
/// demos, docs and other tests use.</summary>
public sealed class SampleCommunityTests
{
    private const int Year = 2026;
    private static readonly CommunityFile Sample = SampleCommunity.Read(Path.Combine(RepoPaths.Samples, "community", "community.json"));

    [Fact]
    public void It_has_the_sizes_the_intake_issue_asks_for()
    {
        Sample.Compounds.Select(c => c.Id).ShouldBe(["cy1", "cy2", "cy3"]);
        Sample.Buildings.Count.ShouldBeGreaterThanOrEqualTo(20);
        Sample.Households.Count.ShouldBeGreaterThanOrEqualTo(1500);
        Sample.Devices.Count.ShouldBeGreaterThanOrEqualTo(600);
        Sample.Devices.Select(d => d.Kind).Distinct().Count().ShouldBeGreaterThanOrEqualTo(10);
        Sample.Devices.Select(d => d.Vendor).Distinct().ShouldBe(["hikvision", "dahua", "tuya"], ignoreOrder: true);
        Sample.Offices.Count(o => o.Party == Party.Property).ShouldBe(2);
        foreach (var party in new[] { Party.Police, Party.Street, Party.Health })
            Sample.Offices.Count(o => o.Party == party).ShouldBe(1);
        // Every compound has exactly one property company.
        foreach (var compound in Sample.Compounds)
            Sample.Offices.Count(o => o.Party == Party.Property && o.Compounds.Contains(compound.Id)).ShouldBe(1);
    }

    [Fact]
    public void Its_population_looks_like_a_chinese_city_community()
    {
        double Share(IEnumerable<Household> hs, Func<Household, bool> p) => hs.Count(p) / (double)hs.Count();
        var old = Sample.Households.Where(h => h.UnitId.StartsWith("cy1-")).ToList();
        var young = Sample.Households.Where(h => h.UnitId.StartsWith("cy3-")).ToList();
        Share(old, h => h.ElderlyLivingAlone(Year)).ShouldBeInRange(0.08, 0.18);
        Share(young, h => h.ElderlyLivingAlone(Year)).ShouldBeLessThan(Share(old, h => h.ElderlyLivingAlone(Year)));
        Share(young, h => h.HasInfants(Year)).ShouldBeGreaterThan(Share(old, h => h.HasInfants(Year)));
        var people = Sample.Households.SelectMany(h => h.Members).ToList();
        (people.Count(p => p.Disability) / (double)people.Count).ShouldBeInRange(0.03, 0.05);
        Sample.Units.Count.ShouldBeGreaterThan(Sample.Households.Count); // some flats stand empty
        Sample.Buildings.Where(b => b.CompoundId == "cy3").ShouldAllBe(b => b.Floors >= 18 && b.Floors <= 33);
    }

    [Fact]
    public void It_keeps_the_ids_and_names_demos_rely_on()
    {
        Sample.Compounds.Single(c => c.Id == "cy1").Name.ShouldBe("翠苑一区");
        Sample.Compounds.Single(c => c.Id == "cy2").Name.ShouldBe("翠苑二区");
        Sample.Buildings.Single(b => b.Id == "cy1-b1").Name.ShouldBe("1幢");
        var smoke = Sample.Devices.Single(d => d.Id == "dev-smoke-cy1-b1-u0101");
        smoke.UnitId.ShouldBe("cy1-b1-u0101");
        Sample.Offices.Single(o => o.Id == "property-lvcheng").Covers(smoke.CompoundId).ShouldBeTrue();
        Sample.Devices.ShouldContain(d => d.Id == "dev-elevator-cy1-b1");
        Sample.Accounts.Single(a => a.UserName == "street1").ShouldSatisfyAllConditions(
            a => a.DisplayName.ShouldBe("网格员 李娜"), a => a.Password.ShouldBe("street-demo"));
        // Every device id follows dev-{kind short}-{place}, every unit id {building}-u{floor:00}{flat:00}.
        Sample.Devices.Where(d => d.UnitId is not null).ShouldAllBe(d => d.Id.StartsWith("dev-") && d.Id.EndsWith("-" + d.UnitId));
        Sample.Units.ShouldAllBe(u => u.Id.StartsWith(u.BuildingId + "-u" + u.Floor.ToString("00")) && u.Id.Length == u.BuildingId.Length + 6);
    }

    [Fact]
    public void Its_phone_numbers_are_fictitious()
    {
        Sample.Households.SelectMany(h => h.Members).Where(m => m.Phone != "")
            .ShouldAllBe(m => m.Phone.StartsWith("1700000") && m.Phone.Length == 11);
    }

    [Fact]
    public void The_import_example_adds_a_building_to_the_sample_without_errors()
    {
        var folder = Path.Combine(RepoPaths.Samples, "community", "import-example");
        var files = Directory.GetFiles(folder, "*.csv").Select(f => new ImportFile(
            Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        var stored = new RegistrySnapshot(
            Sample.Compounds.Select(c => c.CommunityId).ToHashSet(),
            Sample.Compounds.ToDictionary(c => c.Id, c => c.CommunityId),
            Sample.Buildings.ToDictionary(b => b.Id),
            Sample.Units.ToDictionary(u => u.Id, u => u.BuildingId));

        var (batch, errors) = RegistryImportParser.Parse(files, stored, Year);

        errors.ShouldBeEmpty();
        batch.Counts.ShouldBe(new ImportCounts(0, 0, 1, 4, 3, 5, 8, 0));
        batch.Devices.Single(d => d.Item.Kind == "fall-detected").Item.Label.ShouldBe("跌倒监测雷达 (卧室, 床头)");
    }
}
