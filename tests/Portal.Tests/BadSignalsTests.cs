using Cerebellum.Testing;
using System.Text;
using System.Text.Json;
using Alba;
using Cerebellum.Engine.Intake.Signals;
using Marten;

namespace Cerebellum.Portal.Tests;

/// <summary>Bad input gets a 4xx problem naming the field at fault, and leaves nothing behind.</summary>
[Collection(nameof(PortalCollection))]
public sealed class BadSignalsTests(PortalFixture fixture)
{
    private static readonly string At = TestTimes.Iso(TestTimes.LastLocal(3, 12));
    private static readonly string Good =
        $$$"""{"source":"gw-bad","messageId":"M","deviceId":"dev-x","kind":"smoke","occurredAt":"{{{At}}}","location":{"building":"cy1-b1"}}""";

    public static TheoryData<string, string> BadBodies => new()
    {
        { Good.Replace("\"deviceId\":\"dev-x\",", ""), "deviceId" },
        { Good.Replace("\"kind\":\"smoke\"", "\"kind\":\"SMOKE!\""), "kind" },
        { Good.Replace("+08:00", ""), "occurredAt" },
        { Good.Replace(At, "yesterday"), "occurredAt" },
        { Good.Replace(At, "2099-01-01T00:00:00+08:00"), "occurredAt" },
        { Good.Replace(At, "1970-01-01T00:00:00Z"), "occurredAt" },
        { Good.Replace(",\"location\":{\"building\":\"cy1-b1\"}", ""), "deviceId" },
        { Good.Replace("}", ",\"severity\":9}"), "severity" },
        { Good.Replace("}", ",\"severity\":\"high\"}"), "severity" },
        { $"[{Good},{Good.Replace("\"messageId\":\"M\"", "\"messageId\":\"\"")}]", "[1].messageId" },
        { $"[{Good},42]", "[1]" },
        { Good.Replace("}", ",\"location\":{\"compound\":\"cy1\\u0000\"}}"), "location.compound" },
        { "[]", "$" },
        { "{\"source\":", "$" },
        { "\"just a string\"", "$" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_signal_is_rejected_with_the_field_at_fault_and_nothing_is_stored(string body, string field)
    {
        var before = await CountAsync();
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-bad"));
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });

        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(field);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_batch_over_one_thousand_is_rejected_whole()
    {
        var body = "[" + string.Join(",", Enumerable.Range(0, 1001).Select(i => Good.Replace("\"M\"", $"\"over-{i}\""))) + "]";
        var before = await CountAsync();
        await fixture.Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-bad"));
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Text(Good).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-bad"));
            s.WithRequestHeader("Content-Type", "text/plain");
            s.StatusCodeShouldBe(415);
        });
    }

    private async Task<int> CountAsync()
    {
        await using var session = fixture.Store.QuerySession();
        return await session.Query<SignalRecord>().CountAsync(s => s.Source == "gw-bad" || s.MessageId.StartsWith("over-"));
    }
}
