using Cerebellum.Engine.Intake.Vendors;
using Cerebellum.Engine.Intake.Vendors.Loading;
using Cerebellum.Testing;

namespace Cerebellum.Engine.Tests.Vendors;

/// <summary>A bad profile is refused at load with the file, line, column and field at fault.</summary>
public sealed class VendorProfileDiagnosticsTests
{
    private const string Good = """
        vendor: acme
        title: Acme
        match:
          gateways: [acme-gw]
          route: acme
          topics: ["communities/+/vendors/acme/#"]
        fields:
          messageId: id
          deviceId: device.serial
          kind:
            path: code
            map: { A1: smoke }
          occurredAt:
            path: at
            format: yyyy-MM-dd HH:mm:ss
            timeZone: Asia/Shanghai
        """;

    [Fact]
    public void The_sample_profiles_load()
    {
        var catalog = VendorCatalog.LoadFrom(Path.Combine(RepoPaths.Samples, "vendors"));
        catalog.Profiles.Select(p => p.Id).Order().ShouldBe(["dahua", "hikvision", "tuya"]);
        catalog.ForTopic("communities/cuiyuan/vendors/dahua/nvr-1/alarms")!.Id.ShouldBe("dahua");
        catalog.ForRoute("tuya")!.Fields.OccurredAt.TimeZone!.Id.ShouldBe("Asia/Shanghai");
    }

    [Fact]
    public void A_good_profile_loads()
    {
        var result = VendorProfileLoader.Load(Good, "acme.yaml");
        result.Diagnostics.ShouldBeEmpty();
        result.Profile!.Fields.Kind.Map!["A1"].ShouldBe("smoke");
    }

    public static TheoryData<string, string, int, int, string, string> BadProfiles => new()
    {
        // replace, with, line, column, field, message fragment
        { "    map: { A1: smoke }", "    map: { A1: Smoke! }", 12, 16, "fields.kind.map.A1", "not a signal kind" },
        { "    timeZone: Asia/Shanghai", "    timeZone: Asia/Peking-ish", 16, 15, "fields.occurredAt.timeZone", "unknown time zone" },
        { "\n    timeZone: Asia/Shanghai", "", 15, 13, "fields.occurredAt.format", "needs a timeZone" },
        { "  deviceId: device.serial", "  deviceId: device..serial", 9, 13, "fields.deviceId", "not a field path" },
        { "  messageId: id", "  messageid: id", 8, 3, "fields.messageid", "did you mean 'messageId'" },
        { "    format: yyyy-MM-dd HH:mm:ss", "    format: whenever", 15, 13, "fields.occurredAt.format", "neither iso" },
        { "  topics: [\"communities/+/vendors/acme/#\"]", "  topics: [\"communities/#/acme\"]", 6, 12, "match.topics[0]", "'#' must be" },
        { "vendor: acme", "vendor: Acme Corp", 1, 9, "vendor", "not a profile id" },
        { "title: Acme\n", "", 1, 1, "title", "missing required key 'title'" },
        { "    path: code\n", "", 11, 5, "fields.kind", "exactly one of 'path'" },
        { "kind:\n    path: code", "kind:\n    path: code\n    value: smoke", 11, 5, "fields.kind", "exactly one of 'path'" },
        { "  route: acme", "  route: [acme", 5, 10, "(syntax)", "YAML syntax error" },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public void A_bad_profile_is_refused_with_file_line_column_and_field(string replace, string with, int line, int column, string field, string message)
    {
        Good.ShouldContain(replace);
        var result = VendorProfileLoader.Load(Good.Replace(replace, with), "samples/vendors/acme.yaml");

        result.Profile.ShouldBeNull();
        // Exactly one diagnostic for the field; a misspelt key also reports the key it should have been.
        var diagnostic = result.Diagnostics.Where(d => d.Field == field).ShouldHaveSingleItem();
        diagnostic.File.ShouldBe("samples/vendors/acme.yaml");
        diagnostic.Message.ShouldContain(message);
        (diagnostic.Line, diagnostic.Column).ShouldBe((line, column));
        diagnostic.ToString().ShouldStartWith($"samples/vendors/acme.yaml({line},{column}): {field}:");
    }

    [Fact]
    public void A_folder_with_a_bad_profile_refuses_to_load_naming_every_error()
    {
        var folder = Directory.CreateTempSubdirectory("vendors-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.yaml"), Good);
            File.WriteAllText(Path.Combine(folder, "bad.yaml"), Good.Replace("vendor: acme", "vendor: acme2").Replace("route: acme", "route: acme2").Replace("A1: smoke", "A1: Smoke!").Replace("  messageId: id\n", ""));
            var error = Should.Throw<VendorProfileLoadException>(() => VendorCatalog.LoadFrom(folder));
            error.Diagnostics.Count.ShouldBe(2);
            error.Message.ShouldContain(Path.Combine(folder, "bad.yaml") + "(");
            error.Diagnostics.Select(d => d.Field).ShouldBe(["fields.messageId", "fields.kind.map.A1"], ignoreOrder: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
