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
                var (incoming, scheduled) = await CountAsync(stoppingToken);
                Interlocked.Exchange(ref Telemetry.queueIncoming, incoming);
                Interlocked.Exchange(ref Telemetry.queueScheduled, scheduled);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The tables appear once Wolverine has set up its storage; until then (or while the database is away) the gauge says -1.
                Interlocked.Exchange(ref Telemetry.queueIncoming, -1);
                Interlocked.Exchange(ref Telemetry.queueScheduled, -1);
                logger.LogDebug(e, "Could not sample the durable queue depth");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<(long Incoming, long Scheduled)> CountAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var counts = await session.QueryAsync<long>(
            $"select count(*) filter (where status = 'Incoming') from {EngineSetup.Schema}.wolverine_incoming_envelopes "
            + $"union all select count(*) filter (where status = 'Scheduled') from {EngineSetup.Schema}.wolverine_incoming_envelopes", ct);
        return (counts[0], counts[1]);
    }
}
