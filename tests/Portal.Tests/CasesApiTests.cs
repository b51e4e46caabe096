using Cerebellum.Testing;
using System.Text.Json;
using Alba;
using Cerebellum.Engine.Intake.Signals;

namespace Cerebellum.Portal.Tests;

/// <summary>The case query and lifecycle API over HTTP, signed in as real demo users.</summary>
[Collection(nameof(PortalCollection))]
public sealed class CasesApiTests(PortalFixture fixture)
{
    private async Task<Guid> OpenCaseAsync(string deviceId)
    {
        var messageId = "case-api-" + Guid.NewGuid();
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { source = "gw-cases", messageId, deviceId, kind = "smoke", occurredAt = TestTimes.Iso(TestTimes.LastLocal(10)), severity = 3 })
                .ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-cases"));
            s.StatusCodeShouldBe(202);
        });
        return await fixture.WaitForCaseAsync(SignalRecord.IdFor("gw-cases", messageId));
    }

    private async Task<JsonElement> GetAsync(string url, string cookie, int status = 200)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBe(status);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
    }

    private async Task<JsonElement> PostAsync(string url, object body, string cookie, int status)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBe(status);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
    }

    private static long Version(JsonElement caseDetail) => caseDetail.GetProperty("case").GetProperty("version").GetInt64();

    [Fact]
    public async Task A_handler_resolves_a_case_and_a_stale_second_update_gets_409_with_the_current_version()
    {
        var cookie = await fixture.SignInAsync("property1", "property-demo");
        var caseId = await OpenCaseAsync(fixture.Community.Devices.First(d => d.Kind == "smoke" && d.CompoundId == "cy1").Id);
        var seen = Version(await GetAsync($"/api/v1/cases/{caseId}", cookie));

        var started = await PostAsync($"/api/v1/cases/{caseId}/start", new { expectedVersion = seen }, cookie, 200);
        started.GetProperty("version").GetInt64().ShouldBe(seen + 1);

        // A second handler still holding the old version must not overwrite what just happened.
        var stale = await PostAsync($"/api/v1/cases/{caseId}/resolve", new { expectedVersion = seen, note = "已处理" }, cookie, 409);
        stale.GetProperty("currentVersion").GetInt64().ShouldBe(seen + 1);

        await PostAsync($"/api/v1/cases/{caseId}/resolve", new { expectedVersion = seen + 1, note = "物业到场，系厨房油烟误报，已复位" }, cookie, 200);
        var detail = await GetAsync($"/api/v1/cases/{caseId}", cookie);
        detail.GetProperty("case").GetProperty("status").GetString().ShouldBe("resolved");
        detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .ShouldContain("CaseResolved");
    }

    [Fact]
    public async Task The_state_machine_refuses_impossible_moves_with_422_and_records_nothing()
    {
        var cookie = await fixture.SignInAsync("street1", "street-demo");
        var caseId = await OpenCaseAsync(fixture.Community.Devices.First(d => d.Kind == "smoke" && d.CompoundId == "cy2").Id);
        var seen = Version(await GetAsync($"/api/v1/cases/{caseId}", cookie));

        var refused = await PostAsync($"/api/v1/cases/{caseId}/close", new { expectedVersion = seen }, cookie, 422);
        refused.GetProperty("detail").GetString()!.ShouldContain("resolved");
        await PostAsync($"/api/v1/cases/{caseId}/cancel", new { expectedVersion = seen, reason = "" }, cookie, 422);
        Version(await GetAsync($"/api/v1/cases/{caseId}", cookie)).ShouldBe(seen);
    }

    [Fact]
    public async Task Merging_moves_the_items_and_both_timelines_tell_the_story()
    {
        var cookie = await fixture.SignInAsync("street1", "street-demo");
        // Different floors: the portal correlates smoke per floor, and these must be two cases.
        var floors = fixture.Community.Units.Where(u => u.BuildingId == "cy1-b2").GroupBy(u => u.Floor).Take(2)
            .Select(g => g.First().Id).ToList();
        var smokes = floors.Select(unit => fixture.Community.Devices.First(d => d.Kind == "smoke" && d.UnitId == unit)).ToList();
        var target = await OpenCaseAsync(smokes[0].Id);
        var source = await OpenCaseAsync(smokes[1].Id);
        var targetVersion = Version(await GetAsync($"/api/v1/cases/{target}", cookie));
        var sourceVersion = Version(await GetAsync($"/api/v1/cases/{source}", cookie));

        await PostAsync($"/api/v1/cases/{target}/merge",
            new { sourceCaseId = source, sourceVersion, expectedVersion = targetVersion }, cookie, 200);

        var merged = await GetAsync($"/api/v1/cases/{source}", cookie);
        merged.GetProperty("case").GetProperty("status").GetString().ShouldBe("merged");
        merged.GetProperty("case").GetProperty("mergedInto").GetGuid().ShouldBe(target);
        var absorbing = await GetAsync($"/api/v1/cases/{target}", cookie);
        absorbing.GetProperty("case").GetProperty("signalCount").GetInt32().ShouldBe(2);
        absorbing.GetProperty("timeline").EnumerateArray().Last().GetProperty("type").GetString().ShouldBe("CaseAbsorbed");
    }

    [Fact]
    public async Task The_case_list_filters_by_office_and_level_and_pages()
    {
        var cookie = await fixture.SignInAsync("police1", "police-demo");
        var caseId = await OpenCaseAsync(fixture.Community.Devices.First(d => d.Kind == "smoke" && d.CompoundId == "cy2").Id);

        var byOffice = await GetAsync("/api/v1/cases?office=property-jinguanjia&active=true&pageSize=200", cookie);
        byOffice.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(caseId);
        byOffice.GetProperty("items").EnumerateArray()
            .ShouldAllBe(c => c.GetProperty("officeIds").EnumerateArray().Any(o => o.GetString() == "property-jinguanjia"));

        var paged = await GetAsync("/api/v1/cases?pageSize=1&page=1", cookie);
        paged.GetProperty("items").GetArrayLength().ShouldBe(1);
        paged.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(1);

        var bad = await GetAsync("/api/v1/cases?level=purple&pageSize=0", cookie, 400);
        bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["level", "pageSize"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_case_api_answers_401_to_strangers_and_403_to_roles_that_may_not_act()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/v1/cases");
            s.StatusCodeShouldBe(401);
        });
        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        await PostAsync($"/api/v1/cases/{Guid.NewGuid()}/resolve", new { expectedVersion = 1, note = "x" }, auditor, 403);
    }
}
