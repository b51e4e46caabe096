using Cerebellum.Testing;
using System.Text.Json;
using Alba;
using Cerebellum.Engine.Intake.Signals;
using Marten;

namespace Cerebellum.Portal.Tests;

[Collection(nameof(PortalCollection))]
public sealed class SignalsApiTests(PortalFixture fixture)
{
    private string SmokeDevice => fixture.Community.Devices.First(d => d.Kind == "smoke").Id;

    private object Smoke(string messageId) => new
    {
        source = "gw-http", messageId, deviceId = SmokeDevice, kind = "smoke",
        occurredAt = TestTimes.Iso(TestTimes.LastLocal(3, 12)), severity = 4, payload = new { vendorCode = "E01" },
    };

    [Fact]
    public async Task One_signal_is_accepted_with_202_and_its_id_then_tells_which_case_it_went_into()
    {
        var messageId = "single-" + Guid.NewGuid();
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Smoke(messageId)).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-http"));
            s.StatusCodeShouldBe(202);
        });
        var id = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("id").GetGuid();
        id.ShouldBe(SignalRecord.IdFor("gw-http", messageId));

        var caseId = await fixture.WaitForCaseAsync(id);
        var byId = await ReadAsync($"/api/v1/signals/{id}", "gw-http", 200);
        byId.GetProperty("caseId").GetGuid().ShouldBe(caseId);
        byId.GetProperty("status").GetString().ShouldBe("processed");

        var byKey = await ReadAsync($"/api/v1/signals?source=gw-http&messageId={messageId}", "gw-http", 200);
        byKey.GetProperty("id").GetGuid().ShouldBe(id);

        // Another gateway's key sees it as absent: a key cannot probe another source's traffic.
        await ReadAsync($"/api/v1/signals/{id}", "gw-other", 404);
    }

    private async Task<JsonElement> ReadAsync(string url, string gateway, int status)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor(gateway));
            s.StatusCodeShouldBe(status);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
    }

    [Fact]
    public async Task A_batch_is_accepted_in_order_and_a_repeat_answers_the_same_ids_storing_nothing_new()
    {
        var batch = Enumerable.Range(0, 3).Select(i => Smoke($"batch-{Guid.NewGuid()}-{i}")).ToArray();
        var first = await PostBatchAsync(batch);
        await using var session = fixture.Store.QuerySession();
        var before = await session.Query<SignalRecord>().CountAsync();

        var second = await PostBatchAsync(batch);

        second.ShouldBe(first);
        first.Distinct().Count().ShouldBe(3);
        (await session.Query<SignalRecord>().CountAsync()).ShouldBe(before);
    }

    private async Task<Guid[]> PostBatchAsync(object[] batch)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(batch).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-http"));
            s.StatusCodeShouldBe(202);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("ids")
            .EnumerateArray().Select(e => e.GetGuid()).ToArray();
    }

    [Fact]
    public async Task An_unknown_signal_is_a_404_problem()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/v1/signals/{Guid.NewGuid()}");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-http"));
            s.StatusCodeShouldBe(404);
        });
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var health = await fixture.Host.GetAsJson<JsonElement>("/health");
        health.GetProperty("database").GetString().ShouldBe("ok");
        health.GetProperty("mqtt").GetString().ShouldBe($"listening on 127.0.0.1:{fixture.MqttPort}");
    }
}
