using Cerebellum.Engine.CityBrain;
using Cerebellum.Engine.CityBrain.Aggregates;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cerebellum.Engine.Tests.CityBrain;

/// <summary>Without CityBrain:Endpoint (the default, as ./run.sh starts) nothing is counted, queued or kept.</summary>
[Collection(nameof(EngineCollection))]
public sealed class FeedDisabledTests(EngineFixture fixture)
{
    [Fact]
    public async Task No_hour_is_counted_or_queued_when_no_endpoint_is_configured()
    {
        var job = fixture.Host.Services.GetRequiredService<HourlyAggregateJob>();
        (await job.RunDueAsync(DateTimeOffset.UtcNow.AddHours(2), default)).ShouldBeEmpty();
        await using var query = fixture.Store.QuerySession();
        (await query.Query<PublishedHour>().CountAsync()).ShouldBe(0);
    }
}

/// <summary>Start-up checks and the backoff, on their own.</summary>
public sealed class CityBrainOptionsTests
{
    [Fact]
    public void An_enabled_feed_needs_an_http_url_and_a_long_secret()
    {
        new CityBrainOptions().Validate(); // disabled: nothing required
        Should.Throw<InvalidOperationException>(() => new CityBrainOptions { Endpoint = "ftp://x", Secret = new string('s', 40) }.Validate())
            .Message.ShouldContain("CityBrain:Endpoint");
        Should.Throw<InvalidOperationException>(() => new CityBrainOptions { Endpoint = "http://broker:1026", Secret = "short" }.Validate())
            .Message.ShouldContain("CityBrain:Secret");
        new CityBrainOptions { Endpoint = "http://broker:1026", Secret = new string('s', 32) }.Validate();
    }

    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_the_cap()
    {
        var options = new CityBrainOptions { FirstRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromMinutes(5) };
        Enumerable.Range(1, 8).Select(options.RetryDelay).Select(d => (int)d.TotalSeconds).ShouldBe([5, 10, 20, 40, 80, 160, 300, 300]);
        options.RetryDelay(10_000).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Opaque_ids_are_stable_per_secret_and_differ_between_secrets()
    {
        var caseId = Guid.NewGuid();
        var ids = new OpaqueIds(new string('a', 32));
        ids.For(caseId).ShouldBe(ids.For(caseId));
        ids.For(caseId).ShouldMatch("^[0-9a-f]{32}$");
        new OpaqueIds(new string('b', 32)).For(caseId).ShouldNotBe(ids.For(caseId));
        ids.For(Guid.NewGuid()).ShouldNotBe(ids.For(caseId));
    }
}
