using Cerebellum.Engine.CityBrain.Aggregates;
using Cerebellum.Engine.CityBrain.Delivery;
using Cerebellum.Engine.CityBrain.Lifecycle;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten;

namespace Cerebellum.Engine.CityBrain;

/// <summary>All wiring of the City Brain feed (docs/city-brain-feed.md), called once from EngineSetup.
/// Settings are read from the <c>CityBrain</c> configuration section when the host starts.</summary>
public static class CityBrainSetup
{
    public const string Queue = "city-brain";

    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddCityBrainFeed(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        var services = marten.Services;
        services.AddOptions<CityBrainOptions>().BindConfiguration(CityBrainOptions.Section)
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton<NgsiLdClient>();
        services.AddSingleton<HourlyAggregateJob>();
        services.AddHostedService<HourlyAggregateTicker>();

        services.ConfigureMarten(opts =>
        {
            opts.RegisterDocumentType<DeliveredEntity>();
            opts.Schema.For<PublishedHour>().Index(x => x.HourStart);
        });
        services.ConfigureWolverine(opts =>
        {
            // One sender at a time: the receiver sees an entity's states in order, and a slow receiver holds
            // only this queue. Durable: a queued push survives a crash of the node.
            opts.PublishMessage<PushToCityBrain>().ToLocalQueue(Queue);
            opts.LocalQueue(Queue).Sequential().UseDurableInbox();
        });

        // The subscription runs in the async daemon, on one node at a time (hot/cold), and hands each page of
        // case events to Wolverine in the transaction that records its progress.
        marten.AddAsyncDaemon(DaemonMode.HotCold);
        marten.SubscribeToEventsWithServices<CaseFeedSubscription>(ServiceLifetime.Singleton);
        return marten;
    }
}
