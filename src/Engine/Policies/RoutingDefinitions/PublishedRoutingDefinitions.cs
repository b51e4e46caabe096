using Cerebellum.Engine.Policies.Publishing;
using Cerebellum.Engine.Policies.Refresh;
using Marten;

namespace Cerebellum.Engine.Policies.RoutingDefinitions;

/// <summary>Routing definitions as a published policy: when the "routing-definitions" <see cref="PolicyRevision"/>
/// differs from the one this node last saw (another node published), the versions not yet loaded are loaded.</summary>
public sealed class PublishedRoutingDefinitions(IDocumentStore store, PolicyCatalog catalog) : IPublishedPolicy
{
    private long seen = -1;

    public string Name => "routing definitions";

    public async Task RefreshAsync(IQuerySession session, CancellationToken ct)
    {
        var revision = (await session.LoadAsync<PolicyRevision>(PublishedRoutingDefinition.Kind, ct))?.Revision ?? 0;
        if (revision == Interlocked.Read(ref seen)) return;
        await RoutingDefinitionLibrary.RefreshAsync(store, catalog, ct);
        Interlocked.Exchange(ref seen, revision);
    }
}
