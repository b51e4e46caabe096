using Cerebellum.Engine;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Notifications;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Registry;
using Cerebellum.Testing;
using JasperFx.Resources;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests;

/// <summary>The engine as the portal hosts it (Marten + Wolverine on a real PostgreSQL), without HTTP.</summary>
public class EngineFixture : IAsyncLifetime
{
    private string connectionString = "";
    /// <summary>This fixture's own database, for tests that read the raw tables.</summary>
    public string ConnectionString => connectionString;
    public IHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public CommunityFile Community { get; } = SampleCommunity.Read(Path.Combine(RepoPaths.Samples, "community", "community.json"));

    /// <summary>The correlation settings of this fixture's engine (the defaults unless a subclass says otherwise).</summary>
    protected virtual CorrelationOptions Correlation => new();

    /// <summary>The rule pack, routing and calendars of this fixture's engine (the samples unless a subclass says otherwise).</summary>
    protected virtual PolicyCatalog Policies => PolicyCatalog.LoadFrom(RepoPaths.Samples);

    /// <summary>Configuration of this fixture's engine beyond the defaults (none unless a subclass says otherwise).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Where this fixture's mail goes: a throwaway pickup directory unless a subclass says otherwise.</summary>
    protected virtual NotificationSettings Notifications => new() { PickupDirectory = mailDirectory };

    private readonly string mailDirectory = Path.Combine(Path.GetTempPath(), $"cerebellum-test-mail-{Guid.NewGuid():N}");

    public virtual async Task InitializeAsync()
    {
        connectionString = await TestDatabase.CreateAsync("engine");
        Host = await StartHostAsync();
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await SampleCommunity.LoadIfEmptyAsync(Store, Path.Combine(RepoPaths.Samples, "community", "community.json"), default);
    }

    private Task<IHost> StartHostAsync() => Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
        .ConfigureAppConfiguration(c => c.AddInMemoryCollection(Settings))
        .ConfigureServices(s => s.AddCerebellumEngine(connectionString, Policies, Correlation, notifications: Notifications)
            .AddResourceSetupOnStartup())
        .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .UseWolverine(o => o.ConfigureCerebellum())
        .StartAsync();

    /// <summary>Stops the engine, waits, and starts a new one on the same database, as a restart of the process would.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        await Host.StopAsync();
        Host.Dispose();
        await Task.Delay(down);
        Host = await StartHostAsync();
    }

    /// <summary>Accepts signals as the HTTP endpoint does and waits until every message they caused is handled.</summary>
    public async Task<IReadOnlyList<Guid>> AcceptAndProcessAsync(params SignalSubmission[] signals)
    {
        IReadOnlyList<Guid> ids = [];
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async context =>
        {
            ids = await Intake(context).AcceptAsync(signals, default);
        }));
        return ids;
    }

    public SignalIntake Intake(IMessageBus bus) =>
        new(Host.Services.GetRequiredService<OutboxedSessionFactory>(), Store, bus, TimeProvider.System);

    public virtual async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await TestDatabase.DropAsync(connectionString);
        if (Directory.Exists(mailDirectory)) Directory.Delete(mailDirectory, recursive: true);
    }
}

[CollectionDefinition(nameof(EngineCollection))]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>;
