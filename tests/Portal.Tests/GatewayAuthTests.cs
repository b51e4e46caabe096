using Cerebellum.Testing;
using System.Text.Json;
using Alba;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Signals;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cerebellum.Portal.Tests;

/// <summary>Signal endpoints need a gateway's API key; a gateway may only speak for itself.</summary>
[Collection(nameof(PortalCollection))]
public sealed class GatewayAuthTests(PortalFixture fixture)
{
    private static object Signal(string source, string messageId) => new
    {
        source, messageId, deviceId = "dev-smoke-cy1-b1-u0101", kind = "smoke", occurredAt = TestTimes.Iso(TestTimes.SampleRecent),
    };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cbk_not-a-key")]
    public async Task Without_a_valid_key_the_answer_is_a_401_problem_and_nothing_is_stored(string? key)
    {
        var messageId = "auth-" + Guid.NewGuid();
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Signal("gw-http", messageId)).ToUrl("/api/v1/signals");
            if (key is not null) s.WithRequestHeader("X-Api-Key", key);
            s.StatusCodeShouldBe(401);
        });
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        await using var session = fixture.Store.QuerySession();
        (await session.LoadAsync<SignalRecord>(SignalRecord.IdFor("gw-http", messageId))).ShouldBeNull();
    }

    [Fact]
    public async Task Another_gateways_key_is_a_403_naming_the_source_of_the_signal_at_fault()
    {
        var messageId = "foreign-" + Guid.NewGuid();
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new[] { Signal("gw-other", messageId + "-ok"), Signal("gw-http", messageId) }).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-other"));
            s.StatusCodeShouldBe(403);
        });
        var problem = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["[1].source"]);
        await using var session = fixture.Store.QuerySession();
        (await session.LoadAsync<SignalRecord>(SignalRecord.IdFor("gw-other", messageId + "-ok"))).ShouldBeNull();
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        await using var session = fixture.Store.QuerySession();
        var gateway = await session.LoadAsync<Gateway>("gw-http");
        gateway.ShouldNotBeNull();
        gateway.KeyHash.ShouldNotContain(fixture.KeyFor("gw-http"));
        gateway.KeyHash.ShouldBe(ApiKeys.Hash(fixture.KeyFor("gw-http")));
        ApiKeys.Matches(fixture.KeyFor("gw-http") + "x", gateway.KeyHash).ShouldBeFalse();
    }

    [Fact]
    public async Task The_sample_gateways_are_registered_with_their_demo_keys()
    {
        var gateways = fixture.Host.Services.GetRequiredService<GatewayDirectory>();
        (await gateways.AuthenticateAsync(fixture.KeyFor("demo-gw"), default))!.Id.ShouldBe("demo-gw");
        (await gateways.AuthenticateAsync("hik-gw", fixture.KeyFor("hik-gw"), default))!.VendorProfile.ShouldBe("hikvision");
        (await gateways.AuthenticateAsync("demo-gw", fixture.KeyFor("hik-gw"), default)).ShouldBeNull();
    }
}
