using Cerebellum.Engine.Policies.Publishing;
using Marten;

namespace Cerebellum.Engine.Policies.RulePacks;

/// <summary>The rule pack as a published policy: a newer published version of the pack in force is compiled and activated.</summary>
public sealed class PublishedRulePacks(PolicyCatalog catalog) : IPublishedPolicy
{
    public string Name => $"rule pack {catalog.RulePack.Id}";

    public Task RefreshAsync(IQuerySession session, CancellationToken ct) => RulePackPublishing.ActivateNewestAsync(session, catalog, ct);
}
