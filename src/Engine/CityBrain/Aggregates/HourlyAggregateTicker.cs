using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cerebellum.Engine.CityBrain.Aggregates;

/// <summary>Runs <see cref="HourlyAggregateJob"/> at start-up (to catch up) and then every
/// <see cref="CityBrainOptions.AggregateCheckInterval"/>. Does nothing while the feed is disabled.</summary>
public sealed class HourlyAggregateTicker(
    HourlyAggregateJob job, IOptions<CityBrainOptions> options, TimeProvider clock, ILogger<HourlyAggregateTicker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.AggregateCheckInterval, clock);
        do
        {
            try
            {
                var hours = await job.RunDueAsync(clock.GetUtcNow(), stoppingToken);
                if (hours.Count > 0) logger.LogInformation("City Brain aggregates queued for {Count} hour(s)", hours.Count);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the next tick tries again from the same hour.
                logger.LogError(e, "City Brain hourly aggregates failed; retrying at the next check");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
