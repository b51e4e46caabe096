using Cerebellum.Testing;
using System.Text.Json;
using Alba;
using Cerebellum.Engine.Intake.HealthReports;
using Marten;

namespace Cerebellum.Portal.Tests;

[Collection(nameof(PortalCollection))]
public sealed class HealthAndManualIntakeTests(PortalFixture fixture)
{
    private async Task<(int Status, JsonElement Body)> PostAsync(string url, object body, string cookie)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithRequestHeader("Cookie", cookie);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, text == "" ? default : JsonDocument.Parse(text).RootElement);
    }

    private async Task<JsonElement> CaseAsync(Guid caseId, string cookie)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/v1/cases/{caseId}");
            s.WithRequestHeader("Cookie", cookie);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
    }

    private object MissedCheckIn(string reportId)
    {
        var year = DateTimeOffset.UtcNow.Year;
        var household = fixture.Community.Households.First(h => h.ElderlyLivingAlone(year));
        return new
        {
            reportId, kind = "missed-check-in", occurredAt = TestTimes.Iso(TestTimes.LastLocal(9, 30)), severity = 2,
            location = new { unit = household.UnitId }, subject = household.Members[0].Name, details = "连续两天未按时报平安，电话无人接听",
        };
    }

    [Fact]
    public async Task The_health_station_files_a_report_that_opens_an_elderly_care_case_and_only_it_sees_the_details()
    {
        var nurse = await fixture.SignInAsync("health1", "health-demo");
        var reportId = "hr-" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await PostAsync("/api/v1/health-reports", MissedCheckIn(reportId), nurse);
        status.ShouldBe(201);
        var caseId = body.GetProperty("caseId").GetGuid();

        // A repeat of the same report is the same report.
        var (again, repeat) = await PostAsync("/api/v1/health-reports", MissedCheckIn(reportId), nurse);
        again.ShouldBe(201);
        repeat.GetProperty("caseId").GetGuid().ShouldBe(caseId);
        await using (var session = fixture.Store.QuerySession())
            (await session.Query<HealthReportRecord>().CountAsync(r => r.ReportId == reportId)).ShouldBe(1);

        var seenByNurse = await CaseAsync(caseId, nurse);
        seenByNurse.GetProperty("case").GetProperty("category").GetString().ShouldBe("elderly-care");
        seenByNurse.GetRawText().ShouldContain("电话无人接听");

        var gridWorker = await fixture.SignInAsync("street1", "street-demo");
        var seenByStreet = await CaseAsync(caseId, gridWorker);
        seenByStreet.GetRawText().ShouldNotContain("电话无人接听");
        seenByStreet.GetRawText().ShouldContain("withheld");
    }

    [Fact]
    public async Task Only_health_station_staff_may_file_health_reports()
    {
        var police = await fixture.SignInAsync("police1", "police-demo");
        var (status, _) = await PostAsync("/api/v1/health-reports", MissedCheckIn("hr-denied"), police);
        status.ShouldBe(403);
    }

    [Fact]
    public async Task A_bad_health_report_names_the_fields_at_fault()
    {
        var nurse = await fixture.SignInAsync("health1", "health-demo");
        var (status, body) = await PostAsync("/api/v1/health-reports",
            new { reportId = "bad id!", kind = "flu", occurredAt = "2026-11-28 09:30", severity = 9 }, nurse);
        status.ShouldBe(400);
        body.GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["reportId", "kind", "occurredAt", "severity", "location"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_grid_worker_enters_a_public_health_emergency_which_opens_a_red_case_once()
    {
        var gridWorker = await fixture.SignInAsync("street1", "street-demo");
        var entry = new
        {
            entryId = "pe-" + Guid.NewGuid().ToString("N")[..8], kind = "public-health-emergency",
            description = "3幢多户居民同时出现呕吐腹泻，疑似食物中毒", severity = 5, location = new { building = "cy2-b1" },
        };
        var (status, body) = await PostAsync("/api/v1/cases", entry, gridWorker);
        status.ShouldBe(201);
        var caseId = body.GetProperty("caseId").GetGuid();
        (await PostAsync("/api/v1/cases", entry, gridWorker)).Body.GetProperty("caseId").GetGuid().ShouldBe(caseId);

        var detail = await CaseAsync(caseId, gridWorker);
        detail.GetProperty("case").GetProperty("level").GetString().ShouldBe("red");
        detail.GetProperty("case").GetProperty("itemCount").GetInt32().ShouldBe(1);
        detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ShouldContain("ManualEntryAttached");
    }

    [Fact]
    public async Task A_manual_entry_with_a_field_of_the_wrong_type_is_a_problem_naming_it()
    {
        var gridWorker = await fixture.SignInAsync("street1", "street-demo");
        var (status, body) = await PostAsync("/api/v1/cases", new { kind = "noise", description = "x", severity = "loud" }, gridWorker);
        status.ShouldBe(400);
        body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["severity"]);
    }
}
