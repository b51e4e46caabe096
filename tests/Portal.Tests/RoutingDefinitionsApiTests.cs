using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Cerebellum.Testing;
using Marten;

namespace Cerebellum.Portal.Tests;

/// <summary>Rule authors validate, draft and publish routing definitions over HTTP; anyone signed in lists them,
/// reads a version's YAML and its Mermaid diagram; the next case is routed by a published version at once.</summary>
[Collection(nameof(PortalCollection))]
public sealed class RoutingDefinitionsApiTests(PortalFixture fixture)
{
    private const string Prefix = "/api/v1/routing-definitions";

    private static string Sample(string id) => File.ReadAllText(Path.Combine(RepoPaths.Samples, "workflows", id + ".yaml"));

    private static string WithVersion(string yaml, int version) => Regex.Replace(yaml, @"(?m)^version: \d+", $"version: {version}");

    private static StringContent Yaml(string text, string mediaType = "application/yaml") =>
        new(text, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));

    private async Task<HttpClient> AuthorAsync() => await SignedInClient.CreateAsync(fixture, "author1", "author-demo");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Validate_reports_line_and_column_and_unknown_categories()
    {
        using var author = await AuthorAsync();
        var broken = Sample("security-dispatch").Replace("when: assessed\n    minLevel", "when: sometimes\n    minLevel")
            .Replace("categories: [security, public-safety]", "categories: [security, burglary]");

        var response = await author.PostAsync(Prefix + "/validate", Yaml(broken));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await JsonAsync(response);
        body.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var diagnostic = body.GetProperty("diagnostics").EnumerateArray().ShouldHaveSingleItem();
        diagnostic.GetProperty("message").GetString()!.ShouldContain("sometimes");
        diagnostic.GetProperty("line").GetInt32().ShouldBe(broken.Split('\n').ToList().FindIndex(l => l.Contains("sometimes")) + 1);
        diagnostic.GetProperty("column").GetInt32().ShouldBe(11);

        // Once it loads, the category the rule pack in force cannot produce is reported at its position.
        var unknownCategory = Sample("security-dispatch").Replace("categories: [security, public-safety]", "categories: [security, burglary]");
        var second = await JsonAsync(await author.PostAsync(Prefix + "/validate", Yaml(unknownCategory, "text/plain")));
        second.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var category = second.GetProperty("diagnostics").EnumerateArray().ShouldHaveSingleItem();
        category.GetProperty("message").GetString()!.ShouldContain("'burglary'");
        category.GetProperty("column").GetInt32().ShouldBe("categories: [security, ".Length + 1);

        var good = await JsonAsync(await author.PostAsync(Prefix + "/validate", Yaml(Sample("security-dispatch"))));
        good.GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_published_version_routes_the_next_case_and_its_yaml_and_diagram_can_be_read()
    {
        using var author = await AuthorAsync();
        var current = await JsonAsync(await author.GetAsync(Prefix));
        var version = current.GetProperty("current").EnumerateArray()
            .Single(d => d.GetProperty("workflowId").GetString() == "emergency-dispatch").GetProperty("version").GetInt32() + 1;
        var next = WithVersion(Sample("emergency-dispatch"), version).Replace("sla: { red: 10m, orange: 15m, yellow: 2h, blue: 1wd }",
            "sla: { red: 8m, orange: 15m, yellow: 2h, blue: 1wd }");

        var draft = await author.PutAsync($"{Prefix}/emergency-dispatch/draft", Yaml(next));
        draft.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await author.GetStringAsync($"{Prefix}/emergency-dispatch/draft")).ShouldBe(next);

        var published = await author.PostAsync(Prefix + "/publish", Yaml(next));
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        published.Headers.Location!.ToString().ShouldBe($"{Prefix}/emergency-dispatch/versions/{version}");
        (await author.PostAsync(Prefix + "/publish", Yaml(next))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The next smoke alarm takes the new version at once, without a restart.
        var messageId = "route-" + Guid.NewGuid();
        using var gateway = fixture.Host.Server.CreateClient();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", fixture.KeyFor("gw-http"));
        // The last smoke detector (cy3, last building): no other test sends alarms there, so no case to join.
        var detector = fixture.Community.Devices.Last(d => d.Kind == "smoke");
        var sent = await gateway.PostAsync("/api/v1/signals", new StringContent(JsonSerializer.Serialize(new
        {
            source = "gw-http", messageId, deviceId = detector.Id, kind = "smoke", severity = 4,
            occurredAt = TestTimes.Iso(DateTimeOffset.UtcNow.AddMinutes(-1)),
        }), Encoding.UTF8, "application/json"));
        sent.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var caseId = await fixture.WaitForCaseAsync(SignalRecord.IdFor("gw-http", messageId));
        await using (var session = fixture.Store.QuerySession())
        {
            var property = (await session.Events.FetchStreamAsync(caseId)).Select(e => e.Data).OfType<TaskAssigned>()
                .Single(t => t.Party == Rules.Party.Property);
            (property.WorkflowId, property.WorkflowVersion).ShouldBe(("emergency-dispatch", version));
        }

        // Reads: any signed-in user.
        using var police = await SignedInClient.CreateAsync(fixture, "police1", "police-demo");
        (await police.GetStringAsync($"{Prefix}/emergency-dispatch/versions/{version}")).ShouldBe(next);
        (await police.GetStringAsync($"{Prefix}/emergency-dispatch/versions/1")).ShouldBe(Sample("emergency-dispatch"));
        var versions = await JsonAsync(await police.GetAsync($"{Prefix}/emergency-dispatch/versions"));
        versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldContain(version);
        versions[0].GetProperty("publishedBy").GetString().ShouldBe("author1");

        var diagram = await police.GetAsync($"{Prefix}/emergency-dispatch/versions/{version}/diagram");
        diagram.Content.Headers.ContentType!.MediaType.ShouldBe("text/vnd.mermaid");
        var zh = await diagram.Content.ReadAsStringAsync();
        zh.ShouldStartWith("flowchart TD\n");
        zh.ShouldContain($"emergency-dispatch v{version}");
        zh.ShouldContain("时限：红 8分钟");
        var en = await police.GetStringAsync($"{Prefix}/emergency-dispatch/versions/1/diagram?culture=en");
        en.ShouldContain("SLA: red 10 min");

        var list = await JsonAsync(await police.GetAsync(Prefix));
        list.GetProperty("published").EnumerateArray().Count(p => p.GetProperty("publishedBy").GetString() == RoutingDefinitionLibrary.SeededBy)
            .ShouldBe(Directory.GetFiles(Path.Combine(RepoPaths.Samples, "workflows"), "*.yaml").Length);
    }

    [Fact]
    public async Task Refused_publishes_answer_problem_details_and_store_nothing()
    {
        using var author = await AuthorAsync();
        await using var session = fixture.Store.QuerySession();
        var before = await session.Query<PublishedRoutingDefinition>().CountAsync();

        var invalid = await author.PostAsync(Prefix + "/publish", Yaml("workflow: x\nversion: [\n"));
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await JsonAsync(invalid)).GetProperty("diagnostics")[0].GetProperty("line").GetInt32().ShouldBeGreaterThan(0);

        var collision = await author.PostAsync(Prefix + "/publish",
            Yaml(Sample("environment-sanitation").Replace("workflow: environment-sanitation", "workflow: bins-only")));
        collision.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonAsync(collision)).GetProperty("detail").GetString()!.ShouldContain("sanitation");

        (await author.PostAsync(Prefix + "/publish", Yaml(Sample("facilities-repair")))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await author.PostAsync(Prefix + "/publish", new StringContent("{}", Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await author.PostAsync(Prefix + "/publish", Yaml(new string('#', (int)Api.YamlBody.MaxBytes + 10))))
            .StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        // 200,000 levels of nesting used to overflow the stack of the whole process.
        var deep = await author.PostAsync(Prefix + "/publish", Yaml("workflow: x\ntasks: " + new string('[', 200_000)));
        deep.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(deep)).GetProperty("diagnostics")[0].GetProperty("message").GetString()!.ShouldContain("nested");

        (await session.Query<PublishedRoutingDefinition>().CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Bad_ids_versions_and_unknown_definitions_are_problems_naming_the_field()
    {
        using var author = await AuthorAsync();

        var badId = await author.GetAsync($"{Prefix}/Not_An_Id/versions/1");
        badId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(badId)).GetProperty("errors").TryGetProperty("id", out _).ShouldBeTrue();
        var badVersion = await author.GetAsync($"{Prefix}/emergency-dispatch/versions/0/diagram");
        (await JsonAsync(badVersion)).GetProperty("errors").TryGetProperty("version", out _).ShouldBeTrue();
        (await author.GetAsync($"{Prefix}/emergency-dispatch/versions/99999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await author.GetAsync($"{Prefix}/no-such-flow/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await author.GetAsync($"{Prefix}/no-such-flow/draft")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var mismatch = await author.PutAsync($"{Prefix}/security-dispatch/draft", Yaml(Sample("facilities-repair")));
        mismatch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(mismatch)).GetProperty("errors").TryGetProperty("workflow", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Writes_need_a_rule_author_and_reads_need_a_sign_in()
    {
        using var police = await SignedInClient.CreateAsync(fixture, "police1", "police-demo");
        (await police.PostAsync(Prefix + "/publish", Yaml(Sample("emergency-dispatch")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await police.PostAsync(Prefix + "/validate", Yaml(Sample("emergency-dispatch")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await police.PutAsync($"{Prefix}/emergency-dispatch/draft", Yaml(Sample("emergency-dispatch")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var anonymous = fixture.Host.Server.CreateClient();
        (await anonymous.GetAsync(Prefix)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"{Prefix}/emergency-dispatch/versions/1/diagram")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
