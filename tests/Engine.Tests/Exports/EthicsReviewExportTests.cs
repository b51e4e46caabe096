using System.Security.Cryptography;
using System.Text.Json;
using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Exports.EthicsReview;
using Cerebellum.Engine.Exports.Pdf;
using Marten;
using UglyToad.PdfPig;

namespace Cerebellum.Engine.Tests.Exports;

public sealed class ExportFixture : EngineFixture;

/// <summary>The ethics review pack from a database with known activity: two smoke cases, two purposeful reads of
/// health data, an anomaly. The PDF is opened with PdfPig and its text checked, Chinese included.</summary>
public sealed class EthicsReviewExportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join("", p.Letters.Select(l => l.Value))));
    }

    private async Task<(DateTimeOffset From, DateTimeOffset To, Guid CaseId)> ActivityAsync()
    {
        var from = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        var elderly = Signals.SmokeDetectorOfElderlyLivingAlone(fixture.Community);
        var family = Signals.SmokeDetectorOfYoungFamily(fixture.Community);
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(elderly.Id), Signals.Smoke(family.Id));
        await using var session = fixture.Store.LightweightSession();
        var caseId = (await session.LoadAsync<Intake.Signals.SignalRecord>(ids[0]))!.CaseId!.Value;
        await AuditTrail.EnsureStartedAsync(fixture.Store, from, default);
        for (var i = 0; i < 2; i++)
            await AuditTrail.RecordAsync(session, new AuditRequest("street1", AuditActions.SensitiveRead, DateTimeOffset.UtcNow, caseId,
                ["healthReport.details"], "emergency-response", "上门前确认老人身体状况"), default);
        await session.SaveChangesAsync();
        return (from, DateTimeOffset.UtcNow.AddMinutes(1), caseId);
    }

    [Fact]
    public async Task The_pack_counts_cases_rules_and_purposeful_reads_and_its_digest_matches_the_json()
    {
        var (from, to, caseId) = await ActivityAsync();
        var (json, digest, pdf) = await EthicsReviewExport.ProduceAsync(fixture.Store, from, to, EthicsReviewCollector.AllScope,
            "zh-CN", "auditor1", DateTimeOffset.UtcNow, null, default);

        Convert.ToHexStringLower(SHA256.HashData(json)).ShouldBe(digest);
        var bundle = EthicsReviewDocument.FromJson(json);
        bundle.Volumes.Sum(v => v.Cases).ShouldBe(2);
        bundle.Volumes.ShouldContain(v => v.Category == "fire");
        var pack = bundle.RulePacks.ShouldHaveSingleItem();
        pack.PackId.ShouldBe("community-default");
        pack.Assessments.ShouldBe(2);
        pack.Rules.ShouldNotBeEmpty();
        bundle.SensitiveAccesses.Count.ShouldBe(2);
        bundle.SensitiveAccesses.ShouldAllBe(a => a.CaseId == caseId && a.Purpose == "emergency-response");
        bundle.AuditChain.Intact.ShouldBeTrue();

        var text = Text(pdf);
        text.ShouldContain("伦理审查报告");
        text.ShouldContain("上门前确认老人身体状况");
        text.ShouldContain("community-default");
        text.ShouldContain(pack.Rules[0].RuleId);
        text.ShouldContain(digest);
        text.ShouldContain("审计链完整");
    }

    [Fact]
    public async Task The_english_pack_and_a_scope_without_activity()
    {
        var (from, to, _) = await ActivityAsync();
        var (json, digest, pdf) = await EthicsReviewExport.ProduceAsync(fixture.Store, from, to, "no-such-compound",
            "en", "auditor1", DateTimeOffset.UtcNow, null, default);
        var bundle = EthicsReviewDocument.FromJson(json);
        bundle.Volumes.ShouldBeEmpty();
        bundle.SensitiveAccesses.ShouldBeEmpty();
        var text = Text(pdf);
        text.ShouldContain("Privacy and ethics review pack");
        text.ShouldContain("No access above clearance in the period.");
        text.ShouldContain(digest[..16]);
    }

    [Fact]
    public async Task What_the_city_brain_received_in_the_period_is_counted()
    {
        var from = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Store(new global::Cerebellum.Engine.CityBrain.Delivery.DeliveredEntity { Id = "urn:ngsi-ld:Alert:" + Guid.NewGuid().ToString("N"), Sequence = 3, DeliveredAt = DateTimeOffset.UtcNow });
            session.Store(new global::Cerebellum.Engine.CityBrain.Delivery.DeliveredEntity { Id = "urn:ngsi-ld:Alert:" + Guid.NewGuid().ToString("N"), Sequence = 1, DeliveredAt = DateTimeOffset.UtcNow });
            session.Store(new global::Cerebellum.Engine.CityBrain.Delivery.DeliveredEntity { Id = "urn:ngsi-ld:Alert:old", Sequence = 1, DeliveredAt = from.AddDays(-40) });
            await session.SaveChangesAsync();
        }
        var (json, _, pdf) = await EthicsReviewExport.ProduceAsync(fixture.Store, from, DateTimeOffset.UtcNow.AddMinutes(1), EthicsReviewCollector.AllScope,
            "zh-CN", "auditor1", DateTimeOffset.UtcNow, null, default);
        var shared = EthicsReviewDocument.FromJson(json).SharedUpward;
        shared.ShouldHaveSingleItem().Count.ShouldBe(2);
        Text(pdf).ShouldContain("Alert (device-triggered case, de-identified)");
    }

    [Fact]
    public void Mixed_text_is_drawn_in_runs_one_font_each()
    {
        ScriptRuns.Split("体温39.2℃, SLA 10m 超时").Select(r => (r.Text, r.IsCjk)).ShouldBe(
            [("体温", true), ("39.2", false), ("℃", true), (", SLA 10m ", false), ("超时", true)]);
    }
}
