using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cerebellum.Engine.Policies.Publishing;

/// <summary>
/// Runs <see cref="PublishedPolicies.RefreshAsync"/> on a timer as well as before each intake, so a node with no
/// intake (one that only fires deadlines, say) still follows what other nodes published. Polling rather than
/// LISTEN/NOTIFY: no dedicated connection, nothing to reconnect after a database restart or failover, and a
/// publish missed while a node was busy is seen on the next round.
/// </summary>
public sealed class PolicyRefreshService(PublishedPolicies published, ILogger<PolicyRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(published.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await published.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be down for a moment: the next round tries again.
                logger.LogWarning(e, "Could not check for newly published policies");
            }
        }
    }
}
