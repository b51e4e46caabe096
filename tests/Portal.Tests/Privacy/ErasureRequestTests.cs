using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Portal.Tests.Open311;
using Npgsql;

namespace Cerebellum.Portal.Tests.Privacy;

/// <summary>A resident's erasure request (PIPL art. 47) over real HTTP, proven on the raw tables.</summary>
[Collection(nameof(PortalCollection))]
public sealed class ErasureRequestTests(PortalFixture fixture)
{
    private async Task<(Guid CaseId, string Token, string Building)> ComplaintAsync(int unitIndex, string phone, string lastName)
    {
        var open311 = new Open311Client(fixture);
        var unit = fixture.Community.Units[unitIndex];
        var token = await open311.SubmitAsync(
        [
            new("api_key", Open311Client.DemoKey), new("service_code", "garbage"), new("address_id", unit.Id),
            new("description", $"垃圾没人清，联系我{phone}"), new("last_name", lastName), new("first_name", "晓燕"), new("phone", phone),
        ]);
        var id = await open311.WaitForRequestIdAsync(token);
        await using var session = fixture.Store.QuerySession();
        return ((await session.LoadAsync<ComplaintRecord>(Guid.Parse(id)))!.CaseId!.Value, token, unit.BuildingId);
    }

    private async Task CancelAsync(HttpClient staff, Guid caseId)
    {
        var state = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        var version = state.GetProperty("case").GetProperty("version").GetInt64();
        (await staff.PostAsJsonAsync($"/api/v1/cases/{caseId}/cancel", new { expectedVersion = version, reason = "居民已自行处理" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<long> RawRowsAsync(string text)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'cerebellum' and (table_name like 'mt_doc_%' or table_name = 'mt_events')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        long total = 0;
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from cerebellum.{table} where data::text like @p", connection);
            count.Parameters.AddWithValue("p", "%" + text + "%");
            total += (long)(await count.ExecuteScalarAsync())!;
        }
        return total;
    }

    private static async Task<JsonElement> BuildingAsync(HttpClient client, string building)
    {
        var compound = building.Split('-')[0];
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/buildings?compound={compound}");
        return body.GetProperty("buildings").EnumerateArray().Single(b => b.GetProperty("buildingId").GetString() == building);
    }

    [Fact]
    public async Task A_resident_asks_with_the_token_staff_approve_and_the_personal_data_are_gone_from_the_raw_tables()
    {
        var (caseId, token, building) = await ComplaintAsync(360, "13900005555", "司马");
        var anonymous = fixture.Host.Server.CreateClient();

        // While the case is open: refused, with the reason.
        var early = await anonymous.PostAsJsonAsync("/api/v1/erasure-requests", new { token, reason = "不想留下电话" });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("still open");

        using var supervisor = await SignedInClient.CreateAsync(fixture, "supervisor1", "supervisor-demo");
        await CancelAsync(supervisor, caseId);
        var before = (await BuildingAsync(supervisor, building)).GetRawText();
        (await RawRowsAsync("13900005555")).ShouldBeGreaterThan(0);

        var created = await anonymous.PostAsJsonAsync("/api/v1/erasure-requests", new { token, reason = "不想留下电话" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var request = await created.Content.ReadFromJsonAsync<JsonElement>();
        request.GetProperty("status").GetString().ShouldBe("pending");
        var requestId = request.GetProperty("id").GetGuid();
        (await anonymous.PostAsJsonAsync("/api/v1/erasure-requests", new { token })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Handlers and auditors do not decide.
        using var handler = await SignedInClient.CreateAsync(fixture, "property1", "property-demo");
        (await handler.PostAsync($"/api/v1/erasure-requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.PostAsync($"/api/v1/erasure-requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var pending = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/erasure-requests?status=pending");
        pending.EnumerateArray().ShouldContain(r => r.GetProperty("id").GetGuid() == requestId);
        var approved = await supervisor.PostAsync($"/api/v1/erasure-requests/{requestId}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("status").GetString().ShouldBe("done");
        (await supervisor.PostAsync($"/api/v1/erasure-requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Gone from every event and document; the statistics and the case skeleton remain.
        foreach (var text in new[] { "13900005555", "司马晓燕", "司马", "垃圾没人清", "不想留下电话" })
            (await RawRowsAsync(text)).ShouldBe(0, text);
        (await BuildingAsync(supervisor, building)).GetRawText().ShouldBe(before);
        var skeleton = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        skeleton.GetProperty("case").GetProperty("buildingId").GetString().ShouldBe(building);
        skeleton.GetProperty("case").GetProperty("kind").GetString().ShouldBe("sanitation");
        skeleton.GetProperty("timeline").EnumerateArray().ShouldContain(e => e.GetProperty("type").GetString() == "CaseDataErased");

        using var auditor = await SignedInClient.CreateAsync(fixture, "auditor1", "auditor-demo");
        var audit = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=erased&caseId={caseId}");
        audit.GetRawText().ShouldContain("supervisor1");
        audit.GetRawText().ShouldContain("complaintRecord.contact.phone");
    }

    [Fact]
    public async Task Staff_file_a_request_on_a_residents_behalf_and_a_rejection_needs_a_reason()
    {
        var (caseId, _, _) = await ComplaintAsync(396, "13900006666", "诸葛");
        using var street = await SignedInClient.CreateAsync(fixture, "street1", "street-demo");
        using var admin = await SignedInClient.CreateAsync(fixture, "admin", "admin-demo");
        await CancelAsync(admin, caseId);

        (await street.PostAsJsonAsync("/api/v1/erasure-requests", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var created = await street.PostAsJsonAsync("/api/v1/erasure-requests", new { caseId, reason = "居民电话申请" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var noReason = await admin.PostAsJsonAsync($"/api/v1/erasure-requests/{id}/reject", new { });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("note");
        var rejected = await admin.PostAsJsonAsync($"/api/v1/erasure-requests/{id}/reject", new { note = "该工单涉及正在进行的行政复议，依法暂不删除" });
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("rejected");
        (await RawRowsAsync("13900006666")).ShouldBeGreaterThan(0);

        var anonymous = fixture.Host.Server.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/erasure-requests", new { caseId })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/v1/erasure-requests", new { token = "no-such-token" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
