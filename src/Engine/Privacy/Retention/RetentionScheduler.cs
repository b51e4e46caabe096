using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Cerebellum.Engine.Privacy.Retention;

/// <summary>Starts the retention chain once the host is up, unless a live chain exists (its next run is less than two
/// intervals overdue: a chain that fell asleep while the cluster was down still fires, the one scheduled message
/// persisted in PostgreSQL). Nodes starting together race on the schedule document; the loser leaves it be.</summary>
public sealed class RetentionScheduler(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<RetentionScheduler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try { await started.Task; }
            catch (TaskCanceledException) { return; }
        }
        try
        {
            await EnsureScheduledAsync(services, stoppingToken);
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException)
        {
            log.LogInformation("Another node started the retention chain.");
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "Could not start the retention chain; the next start-up tries again.");
        }
    }

    /// <summary>True when this call started a new chain.</summary>
    public static async Task<bool> EnsureScheduledAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<RetentionOptions>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        await using var session = scope.ServiceProvider.GetRequiredService<OutboxedSessionFactory>().OpenSession(bus);
        var schedule = await session.LoadAsync<RetentionSchedule>(RetentionSchedule.TheId, ct);
        if (schedule is not null && schedule.NextRunAt > now - 2 * options.SweepInterval) return false;

        var first = now + options.FirstRunDelay;
        if (schedule is null) session.Insert(new RetentionSchedule { NextRunAt = first });
        else
        {
            schedule.NextRunAt = first;
            session.Store(schedule);
        }
        await bus.ScheduleAsync(new RetentionSweep(first), first);
        await session.SaveChangesAsync(ct);
        return true;
    }
}
