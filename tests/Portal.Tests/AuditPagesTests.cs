using System.Net;
using System.Text.Json;
using Alba;
using Cerebellum.Engine.Exports;
using Cerebellum.Engine.Exports.EthicsReview;

namespace Cerebellum.Portal.Tests;

/// <summary>The auditor's pages, rendered over HTTP: the audit trail with its filters and chain status, and the
/// ethics review exports; in both languages, and closed to everyone else.</summary>
[Collection(nameof(PortalCollection))]
public sealed class AuditPagesTests(PortalFixture fixture)
{
    private async Task<(HttpStatusCode Status, string Html, string? Location)> PageAsync(string url, string cookie)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (cookie != "") s.WithRequestHeader("Cookie", cookie);
            s.IgnoreStatusCode();
        });
        var html = WebUtility.HtmlDecode(await result.ReadAsTextAsync());
        return ((HttpStatusCode)result.Context.Response.StatusCode, html, result.Context.Response.Headers.Location.FirstOrDefault());
    }

    [Theory]
    [InlineData("/audit")]
    [InlineData("/audit/exports")]
    public async Task Visitors_are_sent_to_sign_in_and_handlers_are_turned_away(string url)
    {
        var anonymous = await PageAsync(url, "");
        anonymous.Status.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Location!.ShouldContain("/login");

        var handler = await PageAsync(url, await fixture.SignInAsync("street1", "street-demo"));
        handler.Status.ShouldBe(HttpStatusCode.Redirect);
        handler.Location!.ShouldNotEndWith(url);
        handler.Location!.ShouldContain("/access-denied");
        handler.Html.ShouldNotContain("data-testid=\"audit-page\"");
        handler.Html.ShouldNotContain("data-testid=\"exports-page\"");
    }

    [Theory]
    [InlineData("", "您的角色无权查看该页面")]
    [InlineData("?culture=en", "Your role may not see that page")]
    public async Task The_access_denied_page_says_why_in_the_viewers_language(string culture, string text)
    {
        var page = await PageAsync("/access-denied" + culture, await fixture.SignInAsync("police1", "police-demo"));
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldContain(text);
    }

    [Theory]
    [InlineData("", "审计日志", "伦理审查导出")]
    [InlineData("?culture=en", "Audit trail", "Ethics review exports")]
    public async Task Only_auditors_and_administrators_see_the_links(string culture, string audit, string exports)
    {
        var auditor = await PageAsync("/inbox" + culture, await fixture.SignInAsync("auditor1", "auditor-demo"));
        auditor.Html.ShouldContain("href=\"/audit\"");
        auditor.Html.ShouldContain(audit);
        auditor.Html.ShouldContain(exports);
        (await PageAsync("/inbox" + culture, await fixture.SignInAsync("admin", "admin-demo"))).Html.ShouldContain("href=\"/audit/exports\"");
        (await PageAsync("/inbox" + culture, await fixture.SignInAsync("street1", "street-demo"))).Html.ShouldNotContain("href=\"/audit");
    }

    [Theory]
    [InlineData("", "哈希链完整", "查看敏感信息", "紧急救援处置", "登录")]
    [InlineData("&culture=en", "Hash chain intact", "Sensitive data viewed", "Emergency response", "Signed in")]
    public async Task The_trail_names_actions_and_purposes_in_the_viewers_language_and_filters_by_case(
        string culture, string intact, string sensitiveRead, string purpose, string signedIn)
    {
        var caseId = await SensitiveReadAsync();
        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");

        var (status, html, _) = await PageAsync($"/audit?caseId={caseId}{culture}", auditor);
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(intact);
        html.ShouldContain(sensitiveRead);
        html.ShouldContain(purpose);
        html.ShouldContain("上门前确认老人身体状况");
        html.ShouldNotContain("data-action=\"signed-in\"");

        var signIns = (await PageAsync($"/audit?actor=auditor1&action=signed-in{culture}", auditor)).Html;
        signIns.ShouldContain(signedIn);
        signIns.ShouldContain("data-action=\"signed-in\"");
        signIns.ShouldNotContain("data-action=\"sensitive-read\"");
    }

    [Fact]
    public async Task Dates_select_whole_days_in_china_time_and_bad_filters_are_explained()
    {
        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        (await PageAsync($"/audit?actor=auditor1&from={today}&to={today}", auditor)).Html.ShouldContain("data-action=\"signed-in\"");
        (await PageAsync("/audit?actor=auditor1&from=2001-01-01&to=2001-01-02", auditor)).Html.ShouldContain("没有符合条件的记录");

        (await PageAsync("/audit?caseId=not-a-case", auditor)).Html.ShouldContain("事件编号应为完整的 GUID");
        var reversed = await PageAsync("/audit?from=2026-02-02&to=2026-02-01&culture=en", auditor);
        reversed.Status.ShouldBe(HttpStatusCode.OK);
        reversed.Html.ShouldContain("The end date cannot be before the start date");
    }

    [Theory]
    [InlineData("", "伦理审查材料导出", "已完成", "全部小区")]
    [InlineData("?culture=en", "Ethics review pack", "Done", "All compounds")]
    public async Task The_exports_page_lists_jobs_with_progress_digest_and_file_links(string culture, string title, string done, string all)
    {
        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        var (id, digest) = await FinishedExportAsync(auditor);

        var (status, html, _) = await PageAsync("/audit/exports" + culture, auditor);
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(title);
        html.ShouldContain(all);
        html.ShouldContain(done);
        html.ShouldContain(digest);
        html.ShouldContain($"href=\"/api/v1/exports/{id}/files/ethics-review.pdf\"");
        html.ShouldContain($"href=\"/api/v1/exports/{id}/files/ethics-review.json\"");
    }

    [Fact]
    public async Task A_failed_export_says_so_in_words()
    {
        var id = Guid.CreateVersion7();
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Store(new ExportJob
            {
                Id = id, Kind = EthicsReviewExport.Kind, From = DateTimeOffset.UtcNow.AddDays(-30), To = DateTimeOffset.UtcNow,
                Scope = "all", RequestedBy = "auditor1", RequestedAt = DateTimeOffset.UtcNow.AddMinutes(1), Status = ExportStatus.Failed,
                Progress = 40, Error = "disk full",
            });
            await session.SaveChangesAsync();
        }
        var html = (await PageAsync("/audit/exports", await fixture.SignInAsync("auditor1", "auditor-demo"))).Html;
        var row = html[html.IndexOf($"data-job-id=\"{id}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        row.ShouldContain("导出失败");
        row.ShouldContain("disk full");
        row.ShouldNotContain("files/ethics-review.pdf");
    }

    private async Task<(Guid Id, string Digest)> FinishedExportAsync(string auditor)
    {
        var client = fixture.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", auditor);
        var now = DateTimeOffset.UtcNow;
        var posted = await client.PostAsync("/api/v1/exports/ethics-review", JsonContent(new { from = now.AddDays(-7), to = now.AddMinutes(1) }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var job = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/exports/{id}")).RootElement;
            if (job.GetProperty("status").GetString() == "done") return (id, job.GetProperty("digest").GetString()!);
            job.GetProperty("status").GetString().ShouldNotBe("failed", job.GetRawText());
            await Task.Delay(100);
        }
        throw new TimeoutException($"Export {id} did not finish");
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    // A health case whose details a grid worker reads for a stated purpose: the sensitive read the trail must explain.
    private async Task<Guid> SensitiveReadAsync()
    {
        var nurse = fixture.Host.Server.CreateClient();
        nurse.DefaultRequestHeaders.Add("Cookie", await fixture.SignInAsync("health1", "health-demo"));
        // Not a household other tests report on: a second report there would join their case.
        var household = fixture.Community.Households.Last(h => h.ElderlyLivingAlone(DateTimeOffset.UtcNow.Year) && !h.UnitId.StartsWith("cy1-", StringComparison.Ordinal));
        var filed = await nurse.PostAsync("/api/v1/health-reports", JsonContent(new
        {
            reportId = "page-" + Guid.NewGuid().ToString("N")[..8], kind = "fever", severity = 3,
            occurredAt = Cerebellum.Testing.TestTimes.Iso(Cerebellum.Testing.TestTimes.LastLocal(8, 15)),
            location = new { unit = household.UnitId }, subject = household.Members[0].Name, details = "体温38.9℃",
        }));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var caseId = JsonDocument.Parse(await filed.Content.ReadAsStringAsync()).RootElement.GetProperty("caseId").GetGuid();

        var worker = fixture.Host.Server.CreateClient();
        worker.DefaultRequestHeaders.Add("Cookie", await fixture.SignInAsync("street1", "street-demo"));
        var read = await worker.PostAsync($"/api/v1/cases/{caseId}/sensitive-reads",
            JsonContent(new { purpose = "emergency-response", purposeText = "上门前确认老人身体状况" }));
        read.StatusCode.ShouldBe(HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
        return caseId;
    }
}
