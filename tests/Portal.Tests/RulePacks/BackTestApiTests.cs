using System.Text.Json;
using Alba;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Portal.Hosting;
using Cerebellum.Testing;
using Marten;

namespace Cerebellum.Portal.Tests.RulePacks;

/// <summary>A rule author back-tests a draft over HTTP and from the command line against the portal's recorded cases.</summary>
[Collection(nameof(PortalCollection))]
public sealed class BackTestApiTests(PortalFixture fixture) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("backtest-cli-").FullName;

    private static string SamplePack => File.ReadAllText(Path.Combine(RepoPaths.Samples, "rules", "community-default.yaml")).Replace("\r", "");

    /// <summary>The sample pack with garbage-overflow raised from blue to orange.</summary>
    private static string BinsToOrange()
    {
        var yaml = SamplePack;
        var start = yaml.IndexOf("  - id: garbage-overflow\n", StringComparison.Ordinal);
        var level = yaml.IndexOf("level: blue", start, StringComparison.Ordinal);
        return string.Concat(yaml.AsSpan(0, level), "level: orange", yaml.AsSpan(level + "level: blue".Length));
    }

    private async Task<(int Status, JsonElement Body)> BackTestAsync(object body, string? cookie)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/v1/rule-packs/backtest");
            if (cookie is not null) s.WithRequestHeader("Cookie", cookie);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, text == "" ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task A_draft_shows_the_case_it_would_move_over_http_by_text_and_by_draft_id_and_on_the_command_line()
    {
        var author = await fixture.SignInAsync("author1", "author-demo");
        var from = DateTimeOffset.UtcNow;
        await Task.Delay(300);
        var messageId = "bins-" + Guid.NewGuid();
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                source = "gw-http", messageId, deviceId = "dev-bins-backtest", kind = "garbage-overflow",
                occurredAt = TestTimes.Iso(TestTimes.LastLocal(11)), location = new { building = "cy1-b2" },
            }).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-http"));
            s.StatusCodeShouldBe(202);
        });
        var caseId = await fixture.WaitForCaseAsync(SignalRecord.IdFor("gw-http", messageId));
        await Task.Delay(300);
        var to = DateTimeOffset.UtcNow;
        await using (var session = fixture.Store.QuerySession())
        {
            var recorded = (await session.Events.FetchStreamAsync(caseId)).Select(e => e.Data).OfType<RiskAssessed>().Single();
            ((int)recorded.Level).ShouldBeLessThan((int)Cerebellum.Rules.RiskLevel.Orange);
        }

        var (status, report) = await BackTestAsync(new { pack = BinsToOrange(), from = from.ToString("O"), to = to.ToString("O") }, author);
        status.ShouldBe(200, report.ToString());
        report.GetProperty("casesExamined").GetInt32().ShouldBe(1);
        var moved = report.GetProperty("affected").EnumerateArray().ShouldHaveSingleItem();
        moved.GetProperty("caseId").GetGuid().ShouldBe(caseId);
        moved.GetProperty("new").GetProperty("level").GetString().ShouldBe("orange");
        moved.GetProperty("new").GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldContain("garbage-overflow");
        report.GetProperty("levelTransitions")[0].GetProperty("to").GetString().ShouldBe("orange");

        await fixture.Host.Scenario(s =>
        {
            s.Put.Text(BinsToOrange()).ToUrl("/api/v1/rule-packs/community-default/draft");
            s.WithRequestHeader("Content-Type", "application/yaml");
            s.WithRequestHeader("Cookie", author);
        });
        var (byDraft, draftReport) = await BackTestAsync(new { draft = "community-default", from = from.ToString("O"), to = to.ToString("O") }, author);
        byDraft.ShouldBe(200);
        draftReport.GetProperty("affected")[0].GetProperty("caseId").GetGuid().ShouldBe(caseId);

        // The same report on the command line, against the same database.
        var file = Path.Combine(directory, "draft.yaml");
        await File.WriteAllTextAsync(file, BinsToOrange());
        var output = new StringWriter();
        var exit = await RulesCommand.RunAsync(
            ["rules", "backtest", file, "--from", from.ToString("O"), "--to", to.ToString("O"), "--db", fixture.ConnectionString], output);
        exit.ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("1 items re-assessed in 1 cases; 1 cases would change.");
        output.ToString().ShouldMatch($@"{caseId}\s+garbage-overflow\s+\w+/\S+\s+orange/");
    }

    [Fact]
    public async Task A_bad_range_pack_or_draft_is_a_problem_naming_the_field_and_only_rule_authors_may_back_test()
    {
        var author = await fixture.SignInAsync("author1", "author-demo");
        var pack = SamplePack;

        // Dates are midnights in Asia/Shanghai; the range before today holds whatever other tests recorded.
        var tomorrow = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(1);
        var (ok, okBody) = await BackTestAsync(new { pack, from = Day(tomorrow.AddDays(-30)), to = Day(tomorrow) }, author);
        ok.ShouldBe(200, okBody.ToString());
        okBody.GetProperty("from").GetDateTimeOffset()
            .ShouldBe(new DateTimeOffset(tomorrow.AddDays(-30).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));

        var (backwards, body) = await BackTestAsync(new { pack, from = "2026-11-01", to = "2026-10-01" }, author);
        backwards.ShouldBe(400);
        body.GetProperty("errors").GetProperty("to")[0].GetString()!.ShouldContain("after 'from'");

        var (tooLong, longBody) = await BackTestAsync(new { pack, from = "2026-01-01", to = "2026-06-01" }, author);
        tooLong.ShouldBe(400);
        longBody.GetProperty("errors").GetProperty("to")[0].GetString()!.ShouldContain("at most 92 days");

        var (badDate, dateBody) = await BackTestAsync(new { pack, from = "yesterday", to = "2026-10-01T10:00:00" }, author);
        badDate.ShouldBe(400);
        dateBody.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["from", "to"], ignoreOrder: true);

        (await BackTestAsync(new { from = "2026-10-01", to = "2026-11-01" }, author)).Body
            .GetProperty("errors").GetProperty("pack").GetArrayLength().ShouldBe(1);

        var (invalid, invalidBody) = await BackTestAsync(
            new { pack = pack.Replace("Trigger.Kind == \"smoke\"", "Trigger.Knd == \"smoke\""), from = "2026-10-01", to = "2026-11-01" }, author);
        invalid.ShouldBe(400);
        invalidBody.GetProperty("diagnostics")[0].GetProperty("message").GetString()!.ShouldContain("Knd");

        (await BackTestAsync(new { draft = "no-such-pack", from = "2026-10-01", to = "2026-11-01" }, author)).Status.ShouldBe(404);
        (await BackTestAsync(new { pack, from = "2026-10-01", to = "2026-11-01" }, await fixture.SignInAsync("police1", "police-demo")))
            .Status.ShouldBe(403);
        (await BackTestAsync(new { pack, from = "2026-10-01", to = "2026-11-01" }, null)).Status.ShouldBe(401);
    }

    [Fact]
    public async Task The_command_line_refuses_a_bad_range_or_pack_before_touching_the_database()
    {
        var file = Path.Combine(directory, "pack.yaml");
        await File.WriteAllTextAsync(file, SamplePack);
        var unreachable = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2";

        async Task<(int, string)> Run(params string[] args)
        {
            var output = new StringWriter();
            return (await RulesCommand.RunAsync(args, output), output.ToString());
        }

        (await Run("rules", "backtest", file, "--from", "2026-10-01")).Item1.ShouldBe(64);
        (await Run("rules", "backtest", file, "--from", "2026-10-01", "--to", "2027-10-01", "--db", unreachable)).Item2.ShouldContain("at most 92 days");
        (await Run("rules", "backtest", file, "--form", "2026-10-01", "--to", "2026-11-01")).Item2.ShouldContain("unknown option '--form'");
        (await Run("rules", "backtest", Path.Combine(directory, "missing.yaml"), "--from", "2026-10-01", "--to", "2026-11-01", "--db", unreachable))
            .Item1.ShouldBe(2);
        var (exit, output) = await Run("rules", "backtest", file, "--from", "2026-10-01", "--to", "2026-11-01", "--db", unreachable);
        exit.ShouldBe(69, output);
        output.ShouldContain("Cannot reach the database");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
