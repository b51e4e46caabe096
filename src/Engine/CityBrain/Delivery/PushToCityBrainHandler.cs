using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Cerebellum.Engine.CityBrain.Delivery;

/// <summary>Sends a batch of entities to the City Brain. Runs on its own sequential durable local queue, so a
/// slow or absent receiver delays only this queue, never intake. What the receiver did not take is scheduled
/// again (durably, in the same transaction) with a doubling delay: never dropped, never dead-lettered.</summary>
public static class PushToCityBrainHandler
{
    public static async Task Handle(PushToCityBrain message, IDocumentSession session, NgsiLdClient client,
        IOptions<CityBrainOptions> options, IMessageContext bus, TimeProvider clock, ILogger<PushToCityBrain> logger,
        CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            // Switched off after this was queued: nothing may pile up waiting for a receiver nobody configured.
            logger.LogWarning("City Brain feed disabled: dropped {Count} queued entities", message.Entities.Count);
            return;
        }

        var due = await NotYetDeliveredAsync(session, message.Entities, ct);
        if (due.Count == 0) return;

        var result = await client.UpsertAsync(due, ct);
        var now = clock.GetUtcNow();
        foreach (var entity in due.Where(e => result.Accepted.Contains(e.Id)))
            session.Store(new DeliveredEntity { Id = entity.Id, Sequence = entity.Sequence, DeliveredAt = now });

        if (result.Failed.Count == 0) return;
        var attempt = message.Attempt + 1;
        var delay = settings.RetryDelay(attempt);
        logger.LogWarning("City Brain took {Accepted} of {Count} entities ({Reason}); retry {Attempt} in {Delay}",
            result.Accepted.Count, due.Count, result.Failed.Values.First(), attempt, delay);
        await bus.ScheduleAsync(new PushToCityBrain([.. due.Where(e => result.Failed.ContainsKey(e.Id))], attempt), delay);
    }

    /// <summary>The newest state of each entity in the batch that the receiver has not acknowledged yet.</summary>
    private static async Task<List<FeedEntity>> NotYetDeliveredAsync(
        IQuerySession session, IReadOnlyList<FeedEntity> entities, CancellationToken ct)
    {
        var newest = entities.GroupBy(e => e.Id).Select(g => g.MaxBy(e => e.Sequence)!).ToList();
        var delivered = (await session.LoadManyAsync<DeliveredEntity>(ct, newest.Select(e => e.Id).ToArray()))
            .ToDictionary(d => d.Id, d => d.Sequence);
        return [.. newest.Where(e => !delivered.TryGetValue(e.Id, out var sequence) || sequence < e.Sequence)];
    }
}
