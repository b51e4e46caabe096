using Case = Cerebellum.Engine.Cases.Case;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Registry;
using Cerebellum.Testing;
using JasperFx.Resources;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.Tasks;

/// <summary>A clock the tests move: real time plus an offset, so Wolverine's durable timers (which fire by the
/// real clock) and the engine's decisions (which read this clock) can be put on either side of a deadline.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + Offset;
}

/// <summary>The engine (Marten + Wolverine) on its own database with a movable clock; it can be stopped and a
/// new host started on the same database, as a restart of the portal would.</summary>
public sealed class TaskHost : IAsyncLifetime
{
    private string connectionString = "";
    public ShiftedClock Clock { get; } = new();
    public IHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public PolicyCatalog Policies { get; } = PolicyCatalog.LoadFrom(RepoPaths.Samples);
    public CommunityFile Community { get; } = SampleCommunity.Read(Path.Combine(RepoPaths.Samples, "community", "community.json"));

    public async Task InitializeAsync()
    {
        connectionString = await TestDatabase.CreateAsync("tasks");
        await StartAsync();
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await SampleCommunity.LoadIfEmptyAsync(Store, Path.Combine(RepoPaths.Samples, "community", "community.json"), default);
    }

    public async Task StartAsync() =>
        Host = await Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureServices(s => s.AddCerebellumEngine(connectionString, Policies).AddSingleton<TimeProvider>(Clock)
                .AddResourceSetupOnStartup())
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseWolverine(o => o.ConfigureCerebellum())
            .StartAsync();

    public async Task StopAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    /// <summary>Smoke in the flat of the n-th elderly person living alone; waits until the case is dispatched.</summary>
    public async Task<(Guid CaseId, ITrackedSession Tracked)> SmokeAtElderlyAloneAsync(int n)
    {
        var year = DateTimeOffset.UtcNow.Year;
        var unit = Community.Households.Where(h => h.ElderlyLivingAlone(year)).Select(h => h.UnitId).Distinct().ElementAt(n);
        var device = Community.Devices.First(d => d.Kind == "smoke" && d.UnitId == unit);
        IReadOnlyList<Guid> ids = [];
        var tracked = await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).IgnoreMessagesMatchingType(IsFollowUp).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async bus =>
        {
            var intake = new SignalIntake(Host.Services.GetRequiredService<OutboxedSessionFactory>(), Store, bus, Clock);
            ids = await intake.AcceptAsync([Signals.Smoke(device.Id, at: Clock.GetUtcNow().AddSeconds(-5))], default);
        }));
        await using var session = Store.QuerySession();
        return ((await session.LoadAsync<SignalRecord>(ids[0]))!.CaseId!.Value, tracked);
    }

    public async Task<Case> CaseAsync(Guid caseId)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.AggregateStreamAsync<Case>(caseId))!;
    }

    public async Task<IReadOnlyList<object>> EventsAsync(Guid caseId)
    {
        await using var session = Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(caseId)).Select(e => e.Data)];
    }

    /// <summary>Runs a task command as the HTTP endpoint does (outboxed session), tracking the messages it schedules.</summary>
    public async Task<(TaskCommandResult Result, ITrackedSession Tracked)> RunAsync(TaskCommand command)
    {
        TaskCommandResult result = null!;
        var tracked = await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).IgnoreMessagesMatchingType(IsFollowUp).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async bus =>
        {
            await using var session = Host.Services.GetRequiredService<OutboxedSessionFactory>().OpenSession(bus);
            result = await TaskCommandRunner.RunAsync(session, bus, Policies, command, Clock.GetUtcNow(), default);
        }));
        return (result, tracked);
    }

    /// <summary>A command on the case's current version with a fresh operation id, by a supervisor (any office).</summary>
    public async Task<TaskCommand> CommandAsync(Guid caseId, string key, TaskAction action, string? actorOffice = null)
    {
        await using var session = Store.QuerySession();
        var version = (await session.Events.FetchStreamStateAsync(caseId))!.Version;
        return new(caseId, key, version, Guid.NewGuid().ToString("N"), "tester", actorOffice, action);
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        await TestDatabase.DropAsync(connectionString);
    }

    // Mail, 回访 and the City Brain feed follow case events through the async daemon, on their own time: what these tests
    // wait for is the task work and its timers, not the follow-ups (on a loaded machine they can outlast the timeout).
    private static bool IsFollowUp(Type type) =>
        type.Namespace is "Cerebellum.Engine.Notifications" or "Cerebellum.Engine.Cases.Feedback"
        || type.Namespace?.StartsWith("Cerebellum.Engine.CityBrain", StringComparison.Ordinal) == true;
}
