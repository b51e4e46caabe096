using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.CityBrain.Delivery;

/// <summary>One NGSI-LD entity ready to send: its id, the sequence it reflects (the case stream's version;
/// 1 for aggregates, which are never revised) and its exact JSON.</summary>
public sealed record FeedEntity(string Id, long Sequence, string Json);

/// <summary>Upsert these entities at the City Brain. Travels through Wolverine's durable outbox and inbox;
/// <see cref="Attempt"/> counts failed deliveries so far (for the backoff).</summary>
public sealed record PushToCityBrain(IReadOnlyList<FeedEntity> Entities, int Attempt = 0);

/// <summary>The highest sequence of an entity the City Brain has acknowledged. A push never sends an entity at
/// or below it: no duplicates after a retry, and an older state never overwrites a newer one.</summary>
public sealed class DeliveredEntity
{
    [Public]
    public string Id { get; set; } = "";
    [Public]
    public long Sequence { get; set; }
    [Public]
    public DateTimeOffset DeliveredAt { get; set; }
}
