using System.Text.Json;
using Alba;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Testing;

namespace Cerebellum.Portal.Tests.Tasks;

/// <summary>The task API over HTTP, signed in as the demo users of the sample community's offices.</summary>
[Collection(nameof(PortalCollection))]
public sealed class TaskApiTests(PortalFixture fixture)
{
    /// <summary>Smoke at night in the flat of the n-th elderly person living alone in compound cy1: a red case with
    /// tasks for the police (police-cuiyuan), the property company (property-lvcheng) and the street office.</summary>
    private async Task<(Guid CaseId, long Version)> RedCaseAsync(int n)
    {
        var year = DateTimeOffset.UtcNow.Year;
        var unit = fixture.Community.Households.Where(h => h.ElderlyLivingAlone(year))
            .Select(h => h.UnitId).Where(u => u.StartsWith("cy1-", StringComparison.Ordinal)).Distinct().Reverse().ElementAt(n);
        var device = fixture.Community.Devices.First(d => d.Kind == "smoke" && d.UnitId == unit).Id;
        var messageId = "task-api-" + Guid.NewGuid();
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { source = "gw-cases", messageId, deviceId = device, kind = "smoke", occurredAt = TestTimes.Iso(TestTimes.LastLocal(3)), severity = 4 })
                .ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-cases"));
            s.StatusCodeShouldBe(202);
        });
        var caseId = await fixture.WaitForCaseAsync(SignalRecord.IdFor("gw-cases", messageId));
        return (caseId, (await CaseAsync(caseId, await fixture.SignInAsync("supervisor1", "supervisor-demo"))).GetProperty("version").GetInt64());
    }

    private async Task<JsonElement> CaseAsync(Guid caseId, string cookie)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/v1/cases/{caseId}");
            s.WithRequestHeader("Cookie", cookie);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("case");
    }

    private async Task<JsonElement> PostAsync(string url, object body, string? cookie, int status)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            if (cookie is not null) s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static string Op() => Guid.NewGuid().ToString("N");

    private static JsonElement Task(JsonElement c, string key) =>
        c.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("taskKey").GetString() == key);

    [Fact]
    public async Task The_police_accept_their_task_a_retry_answers_the_same_and_a_reused_id_is_refused()
    {
        var police = await fixture.SignInAsync("police1", "police-demo");
        var (caseId, version) = await RedCaseAsync(0);
        var body = new { expectedVersion = version, operationId = Op() };

        var accepted = await PostAsync($"/api/v1/cases/{caseId}/tasks/police/accept", body, police, 200);
        accepted.GetProperty("version").GetInt64().ShouldBe(version + 1);
        (await PostAsync($"/api/v1/cases/{caseId}/tasks/police/accept", body, police, 200)).GetProperty("version").GetInt64().ShouldBe(version + 1);

        var reused = await PostAsync($"/api/v1/cases/{caseId}/tasks/police/notes",
            new { expectedVersion = version + 1, body.operationId, note = "已出警" }, police, 422);
        reused.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["operationId"]);

        var c = await CaseAsync(caseId, police);
        c.GetProperty("version").GetInt64().ShouldBe(version + 1);
        Task(c, "police").GetProperty("state").GetString().ShouldBe("accepted");
        c.GetProperty("status").GetString().ShouldBe("in-progress");

        var twice = await PostAsync($"/api/v1/cases/{caseId}/tasks/police/accept", new { expectedVersion = version + 1, operationId = Op() }, police, 422);
        twice.GetProperty("detail").GetString().ShouldBe("Task 'police' is already accepted.");
    }

    [Fact]
    public async Task A_stale_version_gets_409_with_the_current_version_and_unknown_cases_and_tasks_404()
    {
        var police = await fixture.SignInAsync("police1", "police-demo");
        var (caseId, version) = await RedCaseAsync(1);
        await PostAsync($"/api/v1/cases/{caseId}/tasks/police/notes", new { expectedVersion = version, operationId = Op(), note = "路上" }, police, 200);

        var stale = await PostAsync($"/api/v1/cases/{caseId}/tasks/police/accept", new { expectedVersion = version, operationId = Op() }, police, 409);
        stale.GetProperty("currentVersion").GetInt64().ShouldBe(version + 1);
        await PostAsync($"/api/v1/cases/{Guid.NewGuid()}/tasks/police/accept", new { expectedVersion = 1, operationId = Op() }, police, 404);
        var noTask = await PostAsync($"/api/v1/cases/{caseId}/tasks/fire-brigade/accept", new { expectedVersion = version + 1, operationId = Op() }, police, 404);
        noTask.GetProperty("title").GetString().ShouldBe("No such task.");
    }

    [Fact]
    public async Task Handlers_act_only_on_their_own_offices_tasks_and_strangers_not_at_all()
    {
        var property = await fixture.SignInAsync("property1", "property-demo");
        var (caseId, version) = await RedCaseAsync(2);
        var body = new { expectedVersion = version, operationId = Op() };

        await PostAsync($"/api/v1/cases/{caseId}/tasks/police/accept", body, property, 403);
        await PostAsync($"/api/v1/cases/{caseId}/tasks/police/accept", body, null, 401);
        await PostAsync($"/api/v1/cases/{caseId}/tasks/police/accept", body, await fixture.SignInAsync("auditor1", "auditor-demo"), 403);
        (await CaseAsync(caseId, property)).GetProperty("version").GetInt64().ShouldBe(version); // nothing recorded
        await PostAsync($"/api/v1/cases/{caseId}/tasks/police/accept", body, await fixture.SignInAsync("supervisor1", "supervisor-demo"), 200);
    }

    [Fact]
    public async Task Bad_bodies_get_400_naming_every_field_at_fault_and_record_nothing()
    {
        var street = await fixture.SignInAsync("street1", "street-demo");
        var (caseId, version) = await RedCaseAsync(3);
        var url = $"/api/v1/cases/{caseId}/tasks/street";

        (await PostAsync($"{url}/reject", new { reason = " " }, street, 400)).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["reason", "expectedVersion", "operationId"], ignoreOrder: true);
        (await PostAsync($"{url}/hand-off", new { expectedVersion = version, operationId = Op(), toOfficeId = "nowhere", reason = "x" }, street, 400))
            .GetProperty("errors").GetProperty("toOfficeId")[0].GetString().ShouldBe("There is no office 'nowhere'.");
        (await PostAsync($"{url}/assist", new { expectedVersion = version, operationId = Op(), party = "3", reason = "x" }, street, 400))
            .GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["party"]);
        await PostAsync($"{url}/notes", new { expectedVersion = version, operationId = new string('x', 129), note = "x" }, street, 400);
        await PostAsync($"{url}/resolve", new { expectedVersion = "two", operationId = Op(), outcome = "x" }, street, 400);
        (await CaseAsync(caseId, street)).GetProperty("version").GetInt64().ShouldBe(version);
    }

    [Fact]
    public async Task A_rejected_task_goes_to_the_street_office_is_handed_off_and_when_every_task_is_done_the_case_resolves()
    {
        var property = await fixture.SignInAsync("property1", "property-demo");
        var street = await fixture.SignInAsync("street1", "street-demo");
        var supervisor = await fixture.SignInAsync("supervisor1", "supervisor-demo");
        var (caseId, version) = await RedCaseAsync(4);
        var tasks = $"/api/v1/cases/{caseId}/tasks";

        version = (await PostAsync($"{tasks}/property/reject", new { expectedVersion = version, operationId = Op(), reason = "非我司管辖" }, property, 200))
            .GetProperty("version").GetInt64();
        var returned = Task(await CaseAsync(caseId, street), "property");
        returned.GetProperty("state").GetString().ShouldBe("returned");
        returned.GetProperty("officeId").GetString().ShouldBe("street-cuiyuan");

        version = (await PostAsync($"{tasks}/property/hand-off",
            new { expectedVersion = version, operationId = Op(), toOfficeId = "property-jinguanjia", reason = "实际由金管家管理" }, street, 200))
            .GetProperty("version").GetInt64();
        Task(await CaseAsync(caseId, street), "property").GetProperty("officeId").GetString().ShouldBe("property-jinguanjia");

        // At red the household has its own task (confirm everyone is out); once it is done, the street office can still
        // ask the family for help.
        version = (await PostAsync($"{tasks}/resident/resolve", new { expectedVersion = version, operationId = Op(), outcome = "家属确认已撤离" }, supervisor, 200))
            .GetProperty("version").GetInt64();
        version = (await PostAsync($"{tasks}/street/assist", new { expectedVersion = version, operationId = Op(), party = "resident", reason = "请家属开门" }, street, 200))
            .GetProperty("version").GetInt64();
        var c = await CaseAsync(caseId, supervisor);
        c.GetProperty("tasks").EnumerateArray()
            .Count(t => t.GetProperty("party").GetString() == "resident" && t.GetProperty("state").GetString() == "assigned").ShouldBe(1);

        foreach (var key in c.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("state").GetString() != "done")
                     .Select(t => t.GetProperty("taskKey").GetString()))
            version = (await PostAsync($"{tasks}/{key}/resolve", new { expectedVersion = version, operationId = Op(), outcome = "已处置完毕" }, supervisor, 200))
                .GetProperty("version").GetInt64();

        var resolved = await CaseAsync(caseId, supervisor);
        resolved.GetProperty("status").GetString().ShouldBe("resolved");
        resolved.GetProperty("nextDueAt").ValueKind.ShouldBe(JsonValueKind.Null);
        resolved.GetProperty("tasks").EnumerateArray().ShouldAllBe(t => t.GetProperty("state").GetString() == "done");
        await PostAsync($"{tasks}/police/notes", new { expectedVersion = version, operationId = Op(), note = "补记" }, supervisor, 200);
        (await PostAsync($"{tasks}/police/accept", new { expectedVersion = version + 1, operationId = Op() }, supervisor, 422))
            .GetProperty("detail").GetString()!.ShouldContain("no longer active");
    }
}
