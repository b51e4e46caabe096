using System.Net;
using Alba;
using Cerebellum.Testing;

namespace Cerebellum.Portal.Tests.Observability;

/// <summary>/metrics without a token: the Cerebellum metrics in Prometheus text for loopback callers, 403 for anyone else.</summary>
[Collection(nameof(PortalCollection))]
public sealed class MetricsEndpointTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_loopback_scrape_after_a_signal_shows_the_intake_case_and_queue_metrics_in_prometheus_text()
    {
        var device = fixture.Community.Devices.First(d => d.Kind == "smoke").Id;
        var accepted = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                source = "gw-http", messageId = "metrics-" + Guid.NewGuid(), deviceId = device, kind = "smoke",
                occurredAt = TestTimes.Iso(TestTimes.LastLocal(3, 12)), severity = 4,
            }).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-http"));
            s.StatusCodeShouldBe(202);
        });
        var id = System.Text.Json.JsonDocument.Parse(await accepted.ReadAsTextAsync()).RootElement.GetProperty("id").GetGuid();
        await fixture.WaitForCaseAsync(id);

        var text = await ScrapeUntilAsync(t => t.Contains("cerebellum_intake_processed_total{") && t.Contains("cerebellum_queue_depth"));
        text.ShouldContain("cerebellum_intake_accepted_total{");
        text.ShouldContain("channel=\"signal\"");
        text.ShouldContain("cerebellum_assessment_duration_seconds_bucket");
        text.ShouldContain("cerebellum_signal_to_case_seconds_count");
        text.ShouldContain("cerebellum_cases_opened_total{");
        // ASP.NET Core's own request metrics come along.
        text.ShouldContain("http_server_request_duration_seconds");
    }

    [Fact]
    public async Task A_scrape_from_elsewhere_is_refused_with_403_even_for_an_administrator()
    {
        var cookie = await fixture.SignInAsync("admin", "admin-demo");
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            s.WithRequestHeader("Cookie", cookie);
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7"));
            s.StatusCodeShouldBe(403);
        });
        (await result.ReadAsTextAsync()).ShouldNotContain("cerebellum_");
    }

    [Fact]
    public async Task Liveness_answers_200_while_the_process_runs()
    {
        var result = await fixture.Host.Scenario(s => s.Get.Url("/health/live"));
        (await result.ReadAsTextAsync()).ShouldContain("\"alive\"");
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
    {
        // The gauge is sampled every few seconds and the exporter caches its answer briefly: poll, do not sleep blindly.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var result = await fixture.Host.Scenario(s =>
            {
                s.Get.Url("/metrics");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Loopback);
                s.StatusCodeShouldBe(200);
            });
            var text = await result.ReadAsTextAsync();
            if (done(text) || DateTime.UtcNow > deadline) return text;
            await Task.Delay(250);
        }
    }
}

/// <summary>A portal with a metrics token (its own host and database).</summary>
public sealed class MetricsTokenPortalFixture : PortalFixture
{
    public const string Token = "scrape-secret-4f1c";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Cerebellum:Metrics:Token"] = Token,
    };
}

public sealed class MetricsTokenTests(MetricsTokenPortalFixture fixture) : IClassFixture<MetricsTokenPortalFixture>
{
    [Theory]
    [InlineData("203.0.113.7", "Bearer " + MetricsTokenPortalFixture.Token, 200)]
    [InlineData("127.0.0.1", "Bearer " + MetricsTokenPortalFixture.Token, 200)]
    [InlineData("127.0.0.1", null, 403)] // with a token set, loopback alone is not enough (a local reverse proxy)
    [InlineData("203.0.113.7", "Bearer scrape-secret-4f1d", 403)]
    [InlineData("203.0.113.7", MetricsTokenPortalFixture.Token, 403)] // not a bearer header
    public async Task With_a_token_only_its_bearer_may_scrape(string from, string? authorization, int status)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            if (authorization is not null) s.WithRequestHeader("Authorization", authorization);
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(from));
            s.StatusCodeShouldBe(status);
        });
        if (status == 200) (await result.ReadAsTextAsync()).ShouldContain("# TYPE");
    }
}
