using System.Net;
using System.Text.Json;
using Alba;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Privacy;
using Cerebellum.Portal.Tests.Open311;
using Cerebellum.Testing;
using Cerebellum.Rules;
using UglyToad.PdfPig;
using Case = Cerebellum.Engine.Cases.Case;

namespace Cerebellum.Portal.Tests.Privacy;

/// <summary>GET /api/v1/cases/{id}/dossier.pdf: the case on paper, redacted at the requester's clearance exactly as the
/// case API is, read back with PdfPig; every download is an <c>exported</c> audit entry.</summary>
[Collection(nameof(PortalCollection))]
public sealed class CaseDossierTests(PortalFixture fixture)
{
    private const string HealthDetails = "连续两天未按时报平安，电话无人接听";
    private const string ComplaintText = "楼道里堆满杂物挡住消防通道，我电话13900004444";

    private async Task<(int Status, string ContentType, byte[] Body)> DossierAsync(Guid caseId, string cookie, string query = "")
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/v1/cases/{caseId}/dossier.pdf{query}");
            if (cookie != "") s.WithRequestHeader("Cookie", cookie);
            s.IgnoreStatusCode();
        });
        using var buffer = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(buffer);
        return (result.Context.Response.StatusCode, result.Context.Response.ContentType ?? "", buffer.ToArray());
    }

    private async Task<string> DossierTextAsync(Guid caseId, string user, string password, string query = "")
    {
        var (status, type, pdf) = await DossierAsync(caseId, await fixture.SignInAsync(user, password), query);
        status.ShouldBe(200, System.Text.Encoding.UTF8.GetString(pdf));
        type.ShouldBe("application/pdf");
        using var document = PdfDocument.Open(pdf);
        // Letters in drawing order, spaces dropped: Latin words are compared without their spaces.
        return string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "");
    }

    private async Task<(Guid CaseId, string Subject)> HealthCaseAsync()
    {
        var nurse = await fixture.SignInAsync("health1", "health-demo");
        var household = fixture.Community.Households.Last(h => h.ElderlyLivingAlone(DateTimeOffset.UtcNow.Year));
        var subject = household.Members[0].Name;
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                reportId = "dossier-" + Guid.NewGuid().ToString("N")[..8], kind = "missed-check-in", severity = 2,
                occurredAt = TestTimes.Iso(TestTimes.LastLocal(9, 30)), location = new { unit = household.UnitId },
                subject, details = HealthDetails,
            }).ToUrl("/api/v1/health-reports");
            s.WithRequestHeader("Cookie", nurse);
            s.StatusCodeShouldBe(201);
        });
        return (JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("caseId").GetGuid(), subject);
    }

    private async Task<Guid> ComplaintCaseAsync(int unitIndex)
    {
        var open311 = new Open311Client(fixture);
        var id = await open311.WaitForRequestIdAsync(await open311.SubmitAsync(
        [
            new("api_key", Open311Client.DemoKey), new("service_code", "garbage"), new("address_id", fixture.Community.Units[unitIndex].Id),
            new("description", ComplaintText), new("last_name", "欧阳"), new("first_name", "娜娜"), new("phone", "13900004444"),
        ]));
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<ComplaintRecord>(Guid.Parse(id)))!.CaseId!.Value;
    }

    [Fact]
    public async Task The_health_station_reads_the_health_details_and_a_street_handler_sees_them_withheld()
    {
        var (caseId, subject) = await HealthCaseAsync();

        var nurse = await DossierTextAsync(caseId, "health1", "health-demo");
        nurse.ShouldContain("社区小脑·工单档案");
        nurse.ShouldContain("四、处置经过");
        nurse.ShouldContain("独居老人关爱");
        nurse.ShouldContain(HealthDetails);
        nurse.ShouldContain(subject);
        nurse.ShouldContain("health1于"); // the footer: who asked

        var street = await DossierTextAsync(caseId, "street1", "street-demo");
        street.ShouldContain("健康报告");
        street.ShouldNotContain(HealthDetails);
        street.ShouldNotContain(subject);
        street.ShouldContain(Masking.Name(subject));
        street.ShouldContain("〔无权查看〕");
    }

    [Fact]
    public async Task A_residents_name_and_phone_appear_only_to_viewers_with_personal_clearance()
    {
        var caseId = await ComplaintCaseAsync(370);

        // The property company of the compound, on the case: the contact in full.
        var own = await DossierTextAsync(caseId, "property1", "property-demo");
        own.ShouldContain("13900004444");
        own.ShouldContain("欧阳娜娜");

        // The administrator is on the case but in no jurisdiction: masked.
        var admin = await DossierTextAsync(caseId, "admin", "admin-demo");
        admin.ShouldNotContain("13900004444");
        admin.ShouldNotContain("娜娜");
        admin.ShouldContain("139****4444");

        // Another compound's property company and the auditor are not on the case: not even the description.
        foreach (var (user, password) in new[] { ("property2", "property-demo"), ("auditor1", "auditor-demo") })
        {
            var outsider = await DossierTextAsync(caseId, user, password);
            outsider.ShouldNotContain("13900004444");
            outsider.ShouldNotContain("4444");
            outsider.ShouldNotContain("娜娜");
            outsider.ShouldNotContain("消防通道");
            outsider.ShouldContain("联系方式仅对承办单位可见");
            outsider.ShouldContain("〔无权查看〕");
        }
    }

    [Fact]
    public async Task The_english_dossier_speaks_english_and_every_download_is_audited()
    {
        var caseId = await ComplaintCaseAsync(400);
        var since = TestTimes.Iso(DateTimeOffset.UtcNow.AddSeconds(-1));
        var english = await DossierTextAsync(caseId, "supervisor1", "supervisor-demo", "?lang=en");
        english.ShouldContain("Cerebellum·Casedossier");
        english.ShouldContain("2.Tasksanddeadlines");
        english.ShouldContain("4.Timeline");
        english.ShouldContain("requestedbysupervisor1at");
        english.ShouldNotContain("处置经过");

        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/v1/audit?caseId={caseId}&action=exported&from={Uri.EscapeDataString(since)}");
            s.WithRequestHeader("Cookie", auditor);
        });
        var entry = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("entries").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("actor").GetString().ShouldBe("supervisor1");
        entry.GetProperty("detail").GetString().ShouldBe("dossier");
        entry.GetProperty("caseId").GetGuid().ShouldBe(caseId);
    }

    [Fact]
    public async Task Tasks_past_their_deadline_and_escalated_are_marked_and_the_sensor_signal_is_listed()
    {
        var caseId = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var where = new CaseLocation("cuiyuan", "cy1", "cy1-b12", "", "翠苑一区 12幢", "翠苑一区 12幢");
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.StartStream<Case>(caseId,
                new CaseOpened(caseId, $"test:{caseId}", "signal", "smoke", where, at),
                new SignalAttached(caseId, Guid.NewGuid(), "gw-dossier", "m-1", "dev-smoke-dossier-1", "smoke", 3, at, at),
                new TaskAssigned(caseId, "street", Party.Street, null, "", at.AddHours(1), "1h", "community-dispatch", 1, at),
                new TaskAssigned(caseId, "police", Party.Police, null, "", at.AddDays(1), "1d", "community-dispatch", 1, at),
                new SlaBreached(caseId, "street", at.AddHours(1), at.AddHours(1)),
                new CaseEscalated(caseId, "street", 0, "supervisor", ["supervisor1"], at.AddHours(1), at.AddHours(1)));
            await session.SaveChangesAsync();
        }

        var text = await DossierTextAsync(caseId, "supervisor1", "supervisor-demo");
        text.ShouldContain("传感器告警");
        text.ShouldContain("dev-smoke-dossier-1");
        text.ShouldContain("已超时;已督办1次"); // the street task's flags
        text.Split("已超时").Length.ShouldBe(2); // the police task is not marked
    }

    [Fact]
    public async Task Unknown_cases_signed_out_callers_and_unknown_languages_get_no_file_and_no_audit_entry()
    {
        var police = await fixture.SignInAsync("police1", "police-demo");
        var unknown = Guid.NewGuid();
        (await DossierAsync(unknown, police)).Status.ShouldBe((int)HttpStatusCode.NotFound);

        var caseId = await ComplaintCaseAsync(800);
        (await DossierAsync(caseId, "")).Status.ShouldBe((int)HttpStatusCode.Unauthorized);
        var (status, type, body) = await DossierAsync(caseId, police, "?lang=fr");
        status.ShouldBe(400);
        type.ShouldStartWith("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("lang", out _).ShouldBeTrue();

        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        foreach (var id in new[] { unknown, caseId })
        {
            var result = await fixture.Host.Scenario(s =>
            {
                s.Get.Url($"/api/v1/audit?caseId={id}&action=exported");
                s.WithRequestHeader("Cookie", auditor);
            });
            JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("entries").GetArrayLength().ShouldBe(0);
        }
    }
}
