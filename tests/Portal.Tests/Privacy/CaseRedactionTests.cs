using System.Net.Http.Json;
using System.Text.Json;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Portal.Tests.Open311;

namespace Cerebellum.Portal.Tests.Privacy;

/// <summary>GET /api/v1/cases/{id} and GET /api/v1/cases go through the one redaction step, at each viewer's clearance
/// on the case (role + party + jurisdiction).</summary>
[Collection(nameof(PortalCollection))]
public sealed class CaseRedactionTests(PortalFixture fixture)
{
    private const string Text = "单元门口的垃圾桶三天没清，我电话13900003333";

    // Each test its own building (cy1-b9, cy1-b10: compound cy1, which the property office lvcheng covers), so that
    // complaints of the same kind do not correlate into one case.
    private async Task<(Guid CaseId, string UnitId)> ComplaintCaseAsync(int unitIndex)
    {
        var open311 = new Open311Client(fixture);
        var unit = fixture.Community.Units[unitIndex];
        var id = await open311.WaitForRequestIdAsync(await open311.SubmitAsync(
        [
            new("api_key", Open311Client.DemoKey), new("service_code", "garbage"), new("address_id", unit.Id),
            new("description", Text), new("last_name", "欧阳"), new("first_name", "娜娜"), new("phone", "13900003333"),
        ]));
        await using var session = fixture.Store.QuerySession();
        return ((await session.LoadAsync<ComplaintRecord>(Guid.Parse(id)))!.CaseId!.Value, unit.Id);
    }

    private async Task<JsonElement> CaseAs(string user, string password, Guid caseId)
    {
        using var client = await SignedInClient.CreateAsync(fixture, user, password);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
    }

    private static string ComplaintText(JsonElement body) => body.GetProperty("timeline").EnumerateArray()
        .Single(e => e.GetProperty("type").GetString() == "ComplaintAttached").GetProperty("data").GetProperty("description").GetString()!;

    [Fact]
    public async Task Each_role_sees_the_case_at_its_clearance()
    {
        var (caseId, unitId) = await ComplaintCaseAsync(288);

        // A party on the case within its jurisdiction: the text as written, the unit.
        var property = await CaseAs("property1", "property-demo", caseId);
        property.GetProperty("clearance").GetString().ShouldBe("personal");
        ComplaintText(property).ShouldBe(Text);
        property.GetProperty("case").GetProperty("unitId").GetString().ShouldBe(unitId);

        // The supervisor (督办) chases every case; its office covers the community.
        (await CaseAs("supervisor1", "supervisor-demo", caseId)).GetProperty("clearance").GetString().ShouldBe("personal");

        // The administrator is on every case but not in a jurisdiction: internal, phone numbers in the text masked.
        var admin = await CaseAs("admin", "admin-demo", caseId);
        admin.GetProperty("clearance").GetString().ShouldBe("internal");
        ComplaintText(admin).ShouldBe("单元门口的垃圾桶三天没清，我电话139****3333");

        // Not on the case (a property company of another compound, the auditor): public only.
        foreach (var (user, password) in new[] { ("property2", "property-demo"), ("auditor1", "auditor-demo") })
        {
            var outsider = await CaseAs(user, password, caseId);
            outsider.GetProperty("clearance").GetString().ShouldBe("public");
            ComplaintText(outsider).ShouldBe("[withheld: internal]");
            var summary = outsider.GetProperty("case");
            summary.GetProperty("unitId").GetString().ShouldBe(Cerebellum.Engine.Privacy.Masking.Unit(unitId));
            summary.GetProperty("buildingId").GetString().ShouldBe(fixture.Community.Units[288].BuildingId);
            summary.GetProperty("kind").GetString().ShouldBe("sanitation");
            outsider.GetRawText().ShouldNotContain("13900003333");
        }
    }

    [Fact]
    public async Task The_case_list_is_redacted_row_by_row()
    {
        var (caseId, unitId) = await ComplaintCaseAsync(324);
        var building = fixture.Community.Units[324].BuildingId;
        using var outsider = await SignedInClient.CreateAsync(fixture, "property2", "property-demo");
        var page = await outsider.GetFromJsonAsync<JsonElement>($"/api/v1/cases?building={building}&pageSize=200");
        var row = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == caseId);
        row.GetProperty("unitId").GetString().ShouldBe(Cerebellum.Engine.Privacy.Masking.Unit(unitId));
        row.GetProperty("locationLabel").GetString()!.ShouldNotContain(fixture.Community.Units[324].Number.TrimEnd('室'));

        using var property = await SignedInClient.CreateAsync(fixture, "property1", "property-demo");
        var own = await property.GetFromJsonAsync<JsonElement>($"/api/v1/cases?building={building}&pageSize=200");
        own.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == caseId)
            .GetProperty("unitId").GetString().ShouldBe(unitId);
    }
}
