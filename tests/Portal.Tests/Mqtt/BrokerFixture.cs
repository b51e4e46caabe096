using Alba;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Portal.Mqtt;
using Cerebellum.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cerebellum.Portal.Tests.Mqtt;

/// <summary>The real portal in external-broker mode, subscribed to a real mosquitto, on its own database.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    // Long enough that a broker restart completes before the app tries again, so a message published
    // right after the restart waits in the persistent session; short enough for a test.
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(3);

    private string connectionString = "";
    public string ConnectionString => connectionString;
    public Mosquitto Broker { get; } = new();
    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public BrokerSubscriber Subscriber => Host.Services.GetRequiredService<BrokerSubscriber>();

    public async Task InitializeAsync()
    {
        await Broker.StartAsync();
        connectionString = await TestDatabase.CreateAsync("broker");
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseSetting("GOVERNANCE_DB", connectionString);
            web.UseSetting("Cerebellum:SamplesPath", RepoPaths.Samples);
            web.UseSetting("Cerebellum:Mqtt:Broker:Host", "127.0.0.1");
            web.UseSetting("Cerebellum:Mqtt:Broker:Port", Broker.Port.ToString());
            web.UseSetting("Cerebellum:Mqtt:Broker:ClientId", "cerebellum-test-" + Guid.NewGuid().ToString("N")[..8]);
            web.UseSetting("Cerebellum:Mqtt:Broker:ReconnectMinSeconds", Backoff.TotalSeconds.ToString());
            web.UseSetting("Cerebellum:Mqtt:Broker:ReconnectMaxSeconds", Backoff.TotalSeconds.ToString());
        });
        await WaitUntilAsync(() => Task.FromResult(Subscriber.IsConnected), "the subscriber to connect");
        // /health answers 503 "starting" until the portal has warmed up, which on a loaded machine is after the
        // subscriber connects; tests read /health.
        var client = Host.Server.CreateClient();
        await WaitUntilAsync(async () => (await client.GetAsync("/health")).IsSuccessStatusCode, "the portal to be ready");
    }

    public async Task<SignalRecord> WaitForSignalAsync(string source, string messageId)
    {
        SignalRecord? found = null;
        await WaitUntilAsync(async () =>
        {
            await using var session = Store.QuerySession();
            found = await session.LoadAsync<SignalRecord>(SignalRecord.IdFor(source, messageId));
            return found is not null;
        }, $"signal {source}/{messageId} to be stored");
        return found!;
    }

    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}. Broker log:\n{Broker.Log}");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
        await TestDatabase.DropAsync(connectionString);
    }
}

[CollectionDefinition(nameof(BrokerCollection))]
public sealed class BrokerCollection : ICollectionFixture<BrokerFixture>;
