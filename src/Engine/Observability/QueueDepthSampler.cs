using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cerebellum.Engine.Observability;

/// <summary>Counts Wolverine's incoming envelopes every few seconds for the cerebellum.queue.depth gauge. The gauge reads the
/// cached number: a scrape never waits on the database, and ten scrapers cost one count every interval.</summary>
public sealed class QueueDepthSampler(IDocumentStore store, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                Interlocked.Exchange(ref Telemetry.queueDepth, await CountAsync(stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The tables appear once Wolverine has set up its storage; until then (or while the database is away) the gauge says -1.
                Interlocked.Exchange(ref Telemetry.queueDepth, -1);
                logger.LogDebug(e, "Could not sample the durable queue depth");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<long> CountAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var counts = await session.QueryAsync<long>(
            $"select count(*) from {EngineSetup.Schema}.wolverine_incoming_envelopes", ct);
        return counts[0];
    }
}
