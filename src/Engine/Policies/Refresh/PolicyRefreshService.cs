using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cerebellum.Engine.Policies.Refresh;

/// <summary>How often a node looks for policies published on another node.</summary>
public sealed record PolicyRefreshOptions(TimeSpan Interval)
{
    public static readonly PolicyRefreshOptions Default = new(TimeSpan.FromSeconds(2));
}

/// <summary>
/// Polls the <see cref="PolicyRevision"/> rows (a handful, one indexed read) and asks each
/// <see cref="IPolicyReloader"/> whose kind changed to reload. Polling rather than LISTEN/NOTIFY: it needs
/// no dedicated connection, survives database restarts and failovers without reconnect logic, and a
/// revision missed while a node was busy is still seen on the next round. A node that publishes applies
/// the change itself at once; other nodes follow within <see cref="PolicyRefreshOptions.Interval"/>.
/// </summary>
public sealed class PolicyRefreshService(
    IDocumentStore store, IEnumerable<IPolicyReloader> reloaders, PolicyRefreshOptions options, ILogger<PolicyRefreshService> logger)
    : BackgroundService
{
    private readonly Dictionary<string, long> seen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop the polling: the next round tries again.
                logger.LogWarning(e, "Could not check for newly published policies");
            }
        }
    }

    /// <summary>One round: reloads each kind whose revision differs from the last one this node saw.</summary>
    public async Task RefreshOnceAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var revisions = (await session.Query<PolicyRevision>().ToListAsync(ct)).ToDictionary(r => r.Id, r => r.Revision);
        foreach (var reloader in reloaders)
        {
            if (!revisions.TryGetValue(reloader.Kind, out var revision) || seen.GetValueOrDefault(reloader.Kind) == revision) continue;
            await reloader.ReloadAsync(ct);
            seen[reloader.Kind] = revision;
        }
    }
}
