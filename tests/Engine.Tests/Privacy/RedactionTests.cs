using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Registry;

namespace Cerebellum.Engine.Tests.Privacy;

/// <summary>The one redaction step, on the stored types themselves (pure: no database).</summary>
public sealed class RedactionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 3, 0, 0, TimeSpan.FromHours(8));

    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static ComplaintRecord Complaint() => new()
    {
        Id = Guid.CreateVersion7(), Token = "t0k3n", ServiceCode = "noise", Kind = "noise",
        Description = "楼上每晚吵，电话13900001111",
        Location = new ComplaintLocation("翠苑一区1幢1201室", "cy1-b1-u1201", null, null, new Place("cy1", "cy1-b1", "cy1-b1-u1201")),
        Contact = new ResidentContact("娜娜", "欧阳", "13900001111", "nana@example.com"), ClientId = "app", RequestedAt = At,
    };

    private static HealthReportAttached Health() =>
        new(Guid.NewGuid(), Guid.NewGuid(), "health-cuiyuan", "fever", 3, At, new HealthDetails("李秀英", "发热 38.9℃"), At);

    [Fact]
    public void Full_clearance_sees_everything_as_stored()
    {
        var json = Redaction.ToJson(Complaint(), DataClass.Sensitive)!.ToJsonString(Readable);
        json.ShouldContain("13900001111");
        json.ShouldContain("欧阳");
    }

    [Fact]
    public void A_party_outside_the_jurisdiction_sees_names_and_phones_masked_and_phones_in_text_masked()
    {
        var json = Redaction.ToJson(Complaint(), DataClass.Internal)!;
        var contact = json["contact"]!;
        contact["lastName"]!.GetValue<string>().ShouldBe("欧*");
        contact["firstName"]!.GetValue<string>().ShouldBe("娜*");
        contact["phone"]!.GetValue<string>().ShouldBe("139****1111");
        contact["email"]!.GetValue<string>().ShouldBe("n***@example.com");
        json["description"]!.GetValue<string>().ShouldBe("楼上每晚吵，电话139****1111");
        json.ToJsonString(Readable).ShouldNotContain("13900001111");
    }

    [Fact]
    public void Someone_not_on_the_case_sees_only_public_fields()
    {
        var json = Redaction.ToJson(Complaint(), DataClass.Public)!;
        json["kind"]!.GetValue<string>().ShouldBe("noise");
        json["description"]!.GetValue<string>().ShouldBe("[withheld: internal]");
        json["contact"]!["phone"]!.GetValue<string>().ShouldBe("[withheld: personal]");
        json["location"]!["registry"]!["building"]!.GetValue<string>().ShouldBe("cy1-b1");
        json["location"]!["registry"]!["unit"]!.GetValue<string>().ShouldBe("cy1-b1-*****");  // one class up: masked
        json.ToJsonString(Readable).ShouldNotContain("娜娜");
    }

    [Fact]
    public void Health_details_are_withheld_below_sensitive_clearance_even_for_personal()
    {
        var json = Redaction.ToJson(Health(), DataClass.Personal)!;
        json["sensitive"]!["details"]!.GetValue<string>().ShouldBe("[withheld: sensitive]");
        // Subject is a name: one class below sensitive sees it masked.
        json["sensitive"]!["subject"]!.GetValue<string>().ShouldBe("李**");
        json["kind"]!.GetValue<string>().ShouldBe("fever");
        Redaction.ToJson(Health(), DataClass.Internal)!["sensitive"]!["subject"]!.GetValue<string>().ShouldBe("[withheld: sensitive]");
    }

    [Fact]
    public void A_typed_copy_has_the_same_redaction()
    {
        var copy = Redaction.Copy(Health(), DataClass.Internal);
        copy.Sensitive.Details.ShouldBe("[withheld: sensitive]");
        copy.Kind.ShouldBe("fever");
    }

    [Fact]
    public void Non_text_values_above_clearance_are_left_out()
    {
        var household = new Household("h1", "cy1-b1-u0101", [new Person("王芳", 1940, "13800001111", true)], true);
        var json = Redaction.ToJson(household, DataClass.Personal)!;
        json["members"]![0]!["birthYear"]!.GetValue<int>().ShouldBe(1940);
        json["members"]![0]!.AsObject().ContainsKey("disability").ShouldBeFalse();
        json.AsObject().ContainsKey("careGroup").ShouldBeFalse();
        var internalView = Redaction.ToJson(household, DataClass.Internal)!;
        internalView["members"]![0]!["name"]!.GetValue<string>().ShouldBe("王*");
        internalView["members"]![0]!.AsObject().ContainsKey("birthYear").ShouldBeFalse();
    }

    [Fact]
    public void Erasure_keeps_the_skeleton_and_erases_personal_and_sensitive_fields()
    {
        var erased = Erasure.Erase(Complaint());
        erased.Contact!.Phone.ShouldBe(Erasure.Marker);
        erased.Contact.LastName.ShouldBe(Erasure.Marker);
        erased.Description.ShouldBe(Erasure.Marker);
        erased.Location.Registry.Building.ShouldBe("cy1-b1");
        erased.Location.Registry.Unit.ShouldBe("cy1-b1-*****");
        erased.Kind.ShouldBe("noise");
        erased.RequestedAt.ShouldBe(At);

        var health = Erasure.Erase(Health(), DataClass.Sensitive);
        health.Sensitive.ShouldBe(new HealthDetails(Erasure.Marker, Erasure.Marker));
        health.Kind.ShouldBe("fever");
        health.Severity.ShouldBe(3);
    }

    [Fact]
    public void The_sensitive_stage_leaves_personal_data()
    {
        var erased = Erasure.Erase(Complaint(), DataClass.Sensitive);
        erased.Contact!.Phone.ShouldBe("13900001111");
        erased.Description.ShouldBe("楼上每晚吵，电话13900001111");
    }

    [Fact]
    public void Case_opened_locations_keep_the_building_after_erasure()
    {
        var opened = new CaseOpened(Guid.NewGuid(), "unit:cy1-b1-u1201:noise", "complaint", "noise",
            new CaseLocation("cuiyuan", "cy1", "cy1-b1", "cy1-b1-u1201", "翠苑一区 1幢", "翠苑一区 1幢 1201室"), At);
        var erased = Erasure.Erase(opened);
        erased.Location.Building.ShouldBe("cy1-b1");
        erased.Location.BuildingLabel.ShouldBe("翠苑一区 1幢");
        erased.Location.Unit.ShouldBe("cy1-b1-*****");
        erased.Location.Label.ShouldBe("翠苑一区 1幢 ****室");
    }
}
