using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cerebellum.Engine.CityBrain.Lifecycle;
using Marten;

namespace Cerebellum.Engine.Tests.CityBrain;

/// <summary>Reading what the receiver got.</summary>
public static class Feed
{
    /// <summary>The opaque id as the City Brain should see it, computed here independently of the product code.</summary>
    public static string OpaqueId(Guid caseId) => Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(CityBrainFixture.Secret), Encoding.ASCII.GetBytes(caseId.ToString("N"))))[..32];

    /// <summary>An attribute's value as text: a string as it is, anything else as JSON.</summary>
    public static string Value(JsonObject entity, string attribute)
    {
        var value = entity[attribute]!["value"]!;
        return value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }

    public static long Sequence(JsonObject entity) => entity["sequence"]!["value"]!.GetValue<long>();

    /// <summary>Waits until the receiver holds the entity in a state at least as new as the case's last event that
    /// the feed follows (items attached later do not change what the City Brain sees).</summary>
    public static async Task<JsonObject> ArrivedAsync(CityBrainFixture fixture, string entityId, Guid caseId, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            long version;
            await using (var query = fixture.Store.QuerySession())
                version = (await query.Events.FetchStreamAsync(caseId))
                    .Where(e => CaseFeedSubscription.EventTypes.Contains(e.EventType)).Max(e => e.Version);
            if (fixture.Receiver.Entity(entityId) is { } entity && Sequence(entity) >= version) return entity;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{entityId} (case version {version}) did not reach the receiver in {seconds} s.");
            await Task.Delay(100);
        }
    }
}
