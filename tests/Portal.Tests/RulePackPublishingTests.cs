using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Testing;
using Marten;

namespace Cerebellum.Portal.Tests;

/// <summary>A rule author validates, tests and publishes a pack over HTTP, and the next signal is
/// classified by it without a restart.</summary>
[Collection(nameof(PortalCollection))]
public sealed class RulePackPublishingTests(PortalFixture fixture)
{
    private static readonly string SamplePack = File.ReadAllText(Path.Combine(RepoPaths.Samples, "rules", "community-default.yaml"));
    private static readonly int SampleVersion = int.Parse(Regex.Match(SamplePack, @"(?m)^version: (\d+)").Groups[1].Value);

    private static string WithVersion(string pack, int version) => Regex.Replace(pack, @"(?m)^version: \d+", $"version: {version}");

    // A new rule for a kind nothing else matches, inserted as the first rule of the pack.
    private static string WithUfoRule(string pack) => pack.Replace("\nrules:\n", """

        rules:
          - id: ufo-sighting
            title: { zh-CN: 不明飞行物, en: Unidentified flying object }
            priority: 10
            when: Trigger.Kind == "ufo-sighting"
            then:
              level: orange
              category: general
              parties: [street]
              reason: { zh-CN: 测试用规则, en: A rule for the publishing test }

        """.Replace("\n        ", "\n"));

    private async Task<(int Status, JsonElement Body)> PostPackAsync(string url, string yaml, string cookie)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Text(yaml).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/yaml");
            s.WithRequestHeader("Cookie", cookie);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, text == "" ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task A_published_pack_classifies_the_next_signal_without_a_restart()
    {
        var author = await fixture.SignInAsync("author1", "author-demo");
        var next = WithUfoRule(WithVersion(SamplePack, SampleVersion + 1));

        var (tested, testBody) = await PostPackAsync("/api/v1/rule-packs/test", next, author);
        tested.ShouldBe(200);
        testBody.GetProperty("passed").GetBoolean().ShouldBeTrue();

        (await PostPackAsync("/api/v1/rule-packs/publish", next, author)).Status.ShouldBe(201);
        (await PostPackAsync("/api/v1/rule-packs/publish", next, author)).Status.ShouldBe(409);
        await using (var audit = fixture.Store.QuerySession())
            (await audit.Query<Cerebellum.Engine.Audit.AuditEntryView>()
                .CountAsync(e => e.Action == "rule-pack-published" && e.Actor == "author1")).ShouldBe(1); // the refused second one is not

        var messageId = "ufo-" + Guid.NewGuid();
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                source = "gw-http", messageId, deviceId = "dev-sky-watch", kind = "ufo-sighting",
                occurredAt = TestTimes.Iso(DateTimeOffset.UtcNow.AddMinutes(-1)), location = new { building = "cy1-b1" },
            }).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-http"));
            s.StatusCodeShouldBe(202);
        });
        var caseId = await fixture.WaitForCaseAsync(SignalRecord.IdFor("gw-http", messageId));
        await using var session = fixture.Store.QuerySession();
        var assessed = (await session.Events.FetchStreamAsync(caseId)).Select(e => e.Data).OfType<RiskAssessed>().Single();
        assessed.PackVersion.ShouldBe(SampleVersion + 1);
        assessed.FiredRuleIds.ShouldContain("ufo-sighting");

        var list = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/v1/rule-packs");
            s.WithRequestHeader("Cookie", author);
        });
        var listed = JsonDocument.Parse(await list.ReadAsTextAsync()).RootElement;
        listed.GetProperty("inForce").GetProperty("version").GetInt32().ShouldBe(SampleVersion + 1);
        listed.GetProperty("published").EnumerateArray().ShouldContain(p =>
            p.GetProperty("version").GetInt32() == SampleVersion + 1 && p.GetProperty("publishedBy").GetString() == "author1");
    }

    [Fact]
    public async Task A_pack_whose_tests_fail_or_that_does_not_parse_is_refused_and_nothing_is_stored()
    {
        var author = await fixture.SignInAsync("author1", "author-demo");
        // Break one expectation of the pack's own tests: the smoke-at-3am test expects red.
        var failing = WithVersion(SamplePack, SampleVersion + 50).Replace("level: red", "level: blue");
        var (status, body) = await PostPackAsync("/api/v1/rule-packs/publish", failing, author);
        status.ShouldBe(422);
        body.GetProperty("failures").GetArrayLength().ShouldBeGreaterThan(0);

        var broken = WithVersion(SamplePack, SampleVersion + 51).Replace("when: Trigger.Kind == \"smoke\"", "when: Trigger.Knd == \"smoke\"");
        var (invalid, problem) = await PostPackAsync("/api/v1/rule-packs/publish", broken, author);
        invalid.ShouldBe(400);
        var diagnostic = problem.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("line").GetInt32().ShouldBeGreaterThan(0);
        diagnostic.GetProperty("message").GetString()!.ShouldContain("Knd");

        await using var session = fixture.Store.QuerySession();
        (await session.Query<Cerebellum.Engine.Policies.RulePacks.PublishedRulePack>()
            .AnyAsync(p => p.Version >= SampleVersion + 50)).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_rule_authors_may_publish()
    {
        var police = await fixture.SignInAsync("police1", "police-demo");
        (await PostPackAsync("/api/v1/rule-packs/publish", SamplePack, police)).Status.ShouldBe(403);
    }
}
