using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Policies.Refresh;
using Cerebellum.Workflows;
using Cerebellum.Engine.Intake;
using Marten;

namespace Cerebellum.Engine.Policies.RoutingDefinitions;

public enum RoutingPublishStatus { Published, Invalid, NotNewer, Conflict }

public sealed record RoutingPublishResult(
    RoutingPublishStatus Status, RoutingDefinition? Definition, IReadOnlyList<WorkflowDiagnostic> Diagnostics, string? Problem = null);

/// <summary>
/// Publishing a routing definition: only a valid one, whose categories the rule pack in force can produce,
/// that claims no category another current definition holds, that leaves every category routed, and whose
/// version is newer than every published version of its id. Stored immutably with who and when, then in
/// force for the next case on this node at once (other nodes: <see cref="Publishing.PublishedPolicies"/>). Cases
/// already routed keep the version they started with.
/// </summary>
public static class RoutingDefinitionPublishing
{
    public const string FileName = "published.yaml";

    public static async Task<RoutingPublishResult> PublishAsync(
        IDocumentStore store, PolicyCatalog catalog, string yaml, string by, DateTimeOffset now, CancellationToken ct)
    {
        var loaded = RoutingDefinitionLoader.Load(yaml, FileName);
        if (!loaded.Succeeded) return new(RoutingPublishStatus.Invalid, null, loaded.Diagnostics);
        var unknown = CategoryCheck.Against(yaml, FileName, catalog.RulePack.Categories);
        if (unknown.Count > 0) return new(RoutingPublishStatus.Invalid, null, unknown);
        var definition = loaded.Definition;

        await using var session = store.LightweightSession();
        // Read the revision first: any publish committed after this read makes our save fail below.
        var head = await session.LoadAsync<PolicyRevision>(PublishedRoutingDefinition.Kind, ct);
        await RoutingDefinitionLibrary.RefreshAsync(store, catalog, ct);

        var current = catalog.Routing;
        var newest = current.All.Where(d => d.Id == definition.Id).Select(d => d.Version).DefaultIfEmpty(0).Max();
        if (definition.Version <= newest)
            return Refused(RoutingPublishStatus.NotNewer, definition,
                $"Version {definition.Version} is not newer than version {newest} of {definition.Id}; raise `version`.");
        if (Conflict(current, definition, catalog.RulePack.Categories) is { } conflict)
            return Refused(RoutingPublishStatus.Conflict, definition, conflict);

        session.Insert(new PublishedRoutingDefinition(PublishedRoutingDefinition.IdFor(definition.Id, definition.Version),
            definition.Id, definition.Version, yaml, by, now));
        PolicyRevision.Bump(session, PublishedRoutingDefinition.Kind, head);
        await AuditTrail.RecordAsync(session, new AuditRequest(by, AuditActions.RoutingPublished, now,
            Detail: $"{definition.Id} v{definition.Version}"), ct);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (RaceRetry.IsLostRace(e))
        {
            return Refused(RoutingPublishStatus.Conflict, definition,
                "Another routing definition was published at the same moment; check the list and publish again.");
        }

        catalog.UpdateRouting(c => c.Find(definition.Id, definition.Version) is null ? new RoutingCatalog(c.All.Append(definition)) : c);
        return new(RoutingPublishStatus.Published, definition, []);
    }

    /// <summary>What would go wrong with <paramref name="definition"/> in force, or null. RoutingCatalog rejects
    /// a category claimed twice and a second fallback; beyond that, a publish must not leave a category of the
    /// rule pack unrouted or remove the fallback, since intake would then have nowhere to send a case.</summary>
    private static string? Conflict(RoutingCatalog current, RoutingDefinition definition, IReadOnlyList<string> packCategories)
    {
        RoutingCatalog next;
        try
        {
            next = new RoutingCatalog(current.All.Append(definition));
        }
        catch (ArgumentException e)
        {
            return $"{e.Message.Split(" (Parameter")[0]}; publish a new version of the other definition without it first.";
        }

        var unrouted = packCategories.Where(c => !next.TrySelect(c, out _)).ToList();
        if (unrouted.Count > 0) return $"No definition would route the categories {string.Join(", ", unrouted)} any more.";
        var hadFallback = current.Current.Any(d => d.IsFallback);
        return hadFallback && !next.Current.Any(d => d.IsFallback)
            ? $"{definition} would remove the fallback definition (categories [\"*\"]); every case needs somewhere to go."
            : null;
    }

    private static RoutingPublishResult Refused(RoutingPublishStatus status, RoutingDefinition definition, string problem) =>
        new(status, definition, [], problem);
}
