using System.Text.Json;
using Alba;
using Cerebellum.Engine.Audit;
using Cerebellum.Portal.Hosting;
using Cerebellum.Testing;

namespace Cerebellum.Portal.Tests;

/// <summary>The audit trail as auditors and the ethics committee use it: what gets recorded, who may read it,
/// and how sensitive data is shown only for a stated purpose.</summary>
[Collection(nameof(PortalCollection))]
public sealed class AuditApiTests(PortalFixture fixture)
{
    private async Task<(int Status, JsonElement Body)> SendAsync(string method, string url, string cookie, object? body = null)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            if (method == "POST") s.Post.Json(body!).ToUrl(url);
            else s.Get.Url(url);
            if (cookie != "") s.WithRequestHeader("Cookie", cookie);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, text == "" ? default : JsonDocument.Parse(text).RootElement);
    }

    private async Task<JsonElement[]> AuditAsync(string query)
    {
        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        var (status, body) = await SendAsync("GET", "/api/v1/audit?" + query, auditor);
        status.ShouldBe(200);
        return [.. body.GetProperty("entries").EnumerateArray()];
    }

    private async Task<Guid> HealthCaseAsync(string details)
    {
        var nurse = await fixture.SignInAsync("health1", "health-demo");
        var household = fixture.Community.Households.First(h => h.ElderlyLivingAlone(DateTimeOffset.UtcNow.Year));
        var (status, body) = await SendAsync("POST", "/api/v1/health-reports", nurse, new
        {
            reportId = "audit-" + Guid.NewGuid().ToString("N")[..8], kind = "fever", severity = 3,
            occurredAt = TestTimes.Iso(TestTimes.LastLocal(8, 15)), location = new { unit = household.UnitId },
            subject = household.Members[0].Name, details,
        });
        status.ShouldBe(201);
        return body.GetProperty("caseId").GetGuid();
    }

    [Fact]
    public async Task Sign_ins_and_failed_attempts_are_recorded_without_the_name_that_was_typed()
    {
        var since = TestTimes.Iso(DateTimeOffset.UtcNow.AddSeconds(-1));
        await fixture.SignInAsync("property2", "property-demo");
        var typed = "typo-" + Guid.NewGuid().ToString("N")[..8];
        var (token, cookie) = await fixture.AntiforgeryAsync();
        await fixture.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["userName"] = typed, ["password"] = "x", ["__RequestVerificationToken"] = token })
                .ToUrl("/account/login");
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBe(302);
        });

        (await AuditAsync($"actor=property2&action=signed-in&from={Uri.EscapeDataString(since)}")).ShouldNotBeEmpty();
        var failed = await AuditAsync($"action=sign-in-failed&from={Uri.EscapeDataString(since)}");
        failed.ShouldContain(e => e.GetProperty("actor").GetString() == "unknown-user");
        failed.ShouldAllBe(e => !e.GetRawText().Contains(typed));
    }

    [Fact]
    public async Task Only_auditors_and_administrators_read_the_trail()
    {
        (await SendAsync("GET", "/api/v1/audit", "")).Status.ShouldBe(401);
        var handler = await fixture.SignInAsync("street1", "street-demo");
        (await SendAsync("GET", "/api/v1/audit", handler)).Status.ShouldBe(403);
        (await SendAsync("GET", "/api/v1/audit/verification", handler)).Status.ShouldBe(403);
        var admin = await fixture.SignInAsync("admin", "admin-demo");
        (await SendAsync("GET", "/api/v1/audit", admin)).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Bad_filters_name_the_field()
    {
        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        var (status, body) = await SendAsync("GET", "/api/v1/audit?caseId=nope&from=yesterday&pageSize=5000", auditor);
        status.ShouldBe(400);
        var errors = body.GetProperty("errors");
        errors.TryGetProperty("caseId", out _).ShouldBeTrue();
        errors.TryGetProperty("from", out _).ShouldBeTrue();
        errors.TryGetProperty("pageSize", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Health_details_need_a_stated_purpose_and_the_read_is_recorded()
    {
        var caseId = await HealthCaseAsync("体温39.2℃，独居，意识清醒");
        var gridWorker = await fixture.SignInAsync("street1", "street-demo");

        var (noPurpose, problem) = await SendAsync("POST", $"/api/v1/cases/{caseId}/sensitive-reads", gridWorker, new { purposeText = "上门前了解情况" });
        noPurpose.ShouldBe(400);
        problem.GetProperty("errors").TryGetProperty("purpose", out _).ShouldBeTrue();
        var (tooShort, shortProblem) = await SendAsync("POST", $"/api/v1/cases/{caseId}/sensitive-reads", gridWorker, new { purpose = "case-handling", purposeText = " " });
        tooShort.ShouldBe(400);
        shortProblem.GetProperty("errors").TryGetProperty("purposeText", out _).ShouldBeTrue();
        (await AuditAsync($"caseId={caseId}&action=sensitive-read")).ShouldBeEmpty();

        var (status, body) = await SendAsync("POST", $"/api/v1/cases/{caseId}/sensitive-reads", gridWorker,
            new { purpose = "emergency-response", purposeText = "上门前确认老人身体状况" });
        status.ShouldBe(200);
        body.GetRawText().ShouldContain("体温39.2℃");

        var entry = (await AuditAsync($"caseId={caseId}&action=sensitive-read")).ShouldHaveSingleItem();
        entry.GetProperty("actor").GetString().ShouldBe("street1");
        entry.GetProperty("purpose").GetString().ShouldBe("emergency-response");
        entry.GetProperty("purposeText").GetString().ShouldBe("上门前确认老人身体状况");
        entry.GetRawText().ShouldNotContain("39.2");
    }

    [Fact]
    public async Task Case_actions_are_recorded_and_the_chain_verifies_over_http_and_from_the_command_line()
    {
        var caseId = await HealthCaseAsync("跌倒后自行起身，无明显外伤");
        var supervisor = await fixture.SignInAsync("supervisor1", "supervisor-demo");
        var (_, detail) = await SendAsync("GET", $"/api/v1/cases/{caseId}", supervisor);
        var version = detail.GetProperty("case").GetProperty("version").GetInt64();
        (await SendAsync("POST", $"/api/v1/cases/{caseId}/cancel", supervisor, new { expectedVersion = version, reason = "重复上报" })).Status.ShouldBe(200);

        var entry = (await AuditAsync($"caseId={caseId}&action=case-action")).ShouldHaveSingleItem();
        entry.GetProperty("actor").GetString().ShouldBe("supervisor1");
        entry.GetProperty("detail").GetString()!.ShouldContain("CaseCancelled");

        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        var (status, verification) = await SendAsync("GET", "/api/v1/audit/verification", auditor);
        status.ShouldBe(200);
        verification.GetProperty("intact").GetBoolean().ShouldBeTrue();

        var output = new StringWriter();
        (await AuditCommand.RunAsync(["audit", "verify"], fixture.Store, output, default)).ShouldBe(AuditCommand.Intact);
        output.ToString().ShouldContain("intact");
        (await AuditCommand.RunAsync(["audit"], fixture.Store, new StringWriter(), default)).ShouldBe(AuditCommand.Usage);
    }

    [Fact]
    public async Task Reading_households_in_full_is_recorded_once_an_hour_and_masked_reads_are_not()
    {
        var unit = fixture.Community.Households.Last().UnitId;
        var client = await SignedInClient.CreateAsync(fixture, "admin", "admin-demo");
        (await client.GetAsync($"/api/v1/registry/households?unit={unit}")).EnsureSuccessStatusCode();
        (await client.GetAsync($"/api/v1/registry/households?unit={unit}")).EnsureSuccessStatusCode();
        var reads = await AuditAsync($"actor=admin&action=personal-read");
        reads.Count(e => e.GetProperty("detail").GetString() == $"households of {unit}").ShouldBe(1);

        // A handler of another compound sees names masked: nothing personal was shown, nothing is recorded.
        var outsider = await SignedInClient.CreateAsync(fixture, "property2", "property-demo");
        var otherCompound = fixture.Community.Households.First(h => !h.UnitId.StartsWith("cy2")).UnitId;
        (await outsider.GetAsync($"/api/v1/registry/households?unit={otherCompound}")).EnsureSuccessStatusCode();
        (await AuditAsync("actor=property2&action=personal-read")).ShouldNotContain(e => e.GetProperty("detail").GetString() == $"households of {otherCompound}");
    }
}
