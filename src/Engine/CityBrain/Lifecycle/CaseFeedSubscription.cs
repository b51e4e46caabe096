using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.CityBrain.Delivery;
using Cerebellum.Engine.CityBrain.Entities;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Cerebellum.Engine.CityBrain.Lifecycle;

/// <summary>Follows the event store (Marten async daemon, one node at a time) and turns every case that
/// changed in a page of events into its de-identified entity, published to Wolverine in the same transaction
/// that records the subscription's progress: each change is handed over exactly once, also across crashes,
/// and intake never waits for it. A page of many events on one case gives one entity (its latest state).</summary>
public sealed class CaseFeedSubscription : BatchSubscription
{
    public const string Name = "CityBrainCases";

    /// <summary>The events that change what the City Brain sees. Items attached to an open case (the bulk of an
    /// alert storm) change nothing it sees, so the daemon does not even read them.</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(CaseOpened), typeof(RiskAssessed), typeof(TaskAssigned), typeof(CaseWorkStarted), typeof(CaseResolved),
        typeof(CaseClosed), typeof(CaseReopened), typeof(CaseCancelled), typeof(CaseMergedInto), typeof(CaseAbsorbed),
    ];
    private readonly CityBrainOptions options;
    private readonly OpaqueIds? ids;

    public CaseFeedSubscription(IOptions<CityBrainOptions> options) : base(Name)
    {
        this.options = options.Value;
        ids = this.options.Enabled ? new OpaqueIds(this.options.Secret) : null;
        // A feed switched on for the first time starts shortly before this process started (the daemon activates a few
        // seconds after start-up, and cases of those seconds belong in the feed); older history is not replayed upward.
        Options.SubscribeFromTime(DateTimeOffset.UtcNow - Notifications.CaseFollowUpSubscription.FirstRunLookBack);
        foreach (var type in EventTypes) IncludeType(type);
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        // Disabled: the subscription still advances, so nothing accumulates for a receiver nobody configured.
        if (ids is null) return;

        var caseIds = page.Events.Select(e => e.StreamId).Distinct().ToArray();
        if (caseIds.Length == 0) return;
        var cases = (await operations.LoadManyAsync<CaseSummary>(cancellationToken, caseIds))
            .Where(c => FeedCase.IsShared(c.ItemType))
            .ToList();
        if (cases.Count == 0) return;

        var places = await FeedPlaces.LoadAsync(operations, cases.Select(c => c.BuildingId), cancellationToken);
        var entities = cases
            .Select(c => FeedCase.From(c, ids, places.GetValueOrDefault(c.BuildingId)))
            .Select(c => new FeedEntity(CaseEntities.IdOf(c), c.Sequence,
                NgsiLd.Serialize(CaseEntities.ToEntity(c, options.DataProvider))))
            .ToList();
        await bus.PublishAsync(new PushToCityBrain(entities));
    }
}
