using Marten;
using Microsoft.Extensions.Logging;

namespace Cerebellum.Engine.Policies.Publishing;

/// <summary>
/// Keeps every node's policies in step with what any node (or <c>rules publish</c>) stored: before work that uses a
/// policy, <see cref="RefreshAsync"/> asks PostgreSQL for the newest published versions, at most once per
/// <see cref="Interval"/> per node. PostgreSQL is the one source of truth, so nodes need no messaging between them,
/// and a node that was down or partitioned catches up on its next check. Callers never wait for another caller's
/// check (they go on with the version in force), and a failing check is logged and tried again next interval:
/// intake never stops because a refresh failed.
/// </summary>
public sealed class PublishedPolicies(
    IDocumentStore store, IEnumerable<IPublishedPolicy> policies, TimeProvider clock, ILogger<PublishedPolicies> logger)
{
    private readonly IPublishedPolicy[] policies = [.. policies];
    private readonly SemaphoreSlim gate = new(1, 1);
    private long nextCheckTicks;

    /// <summary>How stale a node's view of published versions may get: a publish is in force on every node within it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    public async ValueTask RefreshAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (now < Interlocked.Read(ref nextCheckTicks) || !await gate.WaitAsync(0, ct)) return;
        try
        {
            if (now < Interlocked.Read(ref nextCheckTicks)) return;
            await using var session = store.QuerySession();
            foreach (var policy in policies)
            {
                try
                {
                    await policy.RefreshAsync(session, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Could not refresh the published {Policy}; the version in force stays until the next check", policy.Name);
                }
            }
            Interlocked.Exchange(ref nextCheckTicks, clock.GetUtcNow().UtcTicks + Interval.Ticks);
        }
        finally
        {
            gate.Release();
        }
    }
}
