using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cerebellum.Engine.Tests.CityBrain;

/// <summary>The engine with the City Brain feed pointed at a <see cref="CityBrainReceiver"/>, short retry delays.</summary>
public sealed class CityBrainFixture : EngineFixture, IAsyncLifetime
{
    public const string Secret = "test-secret-for-the-city-brain-feed-0123456789";
    public const string Authorization = "Bearer city-brain-test-token";

    public CityBrainReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CityBrain:Endpoint"] = Receiver.BaseUrl,
        ["CityBrain:Secret"] = Secret,
        ["CityBrain:AuthorizationHeader"] = Authorization,
        ["CityBrain:DataProvider"] = "cuiyuan",
        ["CityBrain:FirstRetryDelay"] = "00:00:00.200",
        ["CityBrain:MaxRetryDelay"] = "00:00:01",
        ["CityBrain:AggregateCheckInterval"] = "01:00:00",
    };

    public new async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
        await WaitForSubscriptionAsync();
    }

    /// <summary>The subscription starts "from present" once the daemon runs it: events before that are not sent,
    /// so tests start only once it has recorded its starting point.</summary>
    private async Task WaitForSubscriptionAsync()
    {
        var names = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            await using (var session = Store.LightweightSession())
            {
                session.Events.StartStream(Guid.NewGuid(), new SubscriptionProbe());
                await session.SaveChangesAsync();
            }
            var progress = await Store.Advanced.AllProjectionProgress();
            names = string.Join(", ", progress.Select(p => $"{p.ShardName}={p.Sequence}"));
            if (progress.Any(p => p.ShardName.StartsWith(Engine.CityBrain.Lifecycle.CaseFeedSubscription.Name, StringComparison.Ordinal)))
                return;
        }
        throw new TimeoutException($"The City Brain subscription did not start within 60 s. Progress: {names}");
    }

    public T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>An event in a stream of its own, only to see the subscription move.</summary>
public sealed record SubscriptionProbe;

[CollectionDefinition(nameof(CityBrainCollection))]
public sealed class CityBrainCollection : ICollectionFixture<CityBrainFixture>;
