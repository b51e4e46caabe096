using Cerebellum.Engine.Policies.Refresh;
using Cerebellum.Workflows;
using Cerebellum.Engine.Intake;
using Marten;

namespace Cerebellum.Engine.Policies.RoutingDefinitions;

/// <summary>
/// The published routing definitions in Marten and the node's <see cref="PolicyCatalog.Routing"/> kept in
/// step with them: loaded at start-up (seeded from the sample files on an empty database), refreshed when
/// another node publishes, and a pinned version fetched on demand if this node has not seen it yet.
/// </summary>
public static class RoutingDefinitionLibrary
{
    /// <summary>Who the definitions seeded from files are recorded as published by.</summary>
    public const string SeededBy = "samples";

    /// <summary>
    /// At start-up: on a database without published definitions, publishes the files of
    /// <paramref name="workflowsDirectory"/> as they are; then puts every published version in force, so the
    /// database, not the files, decides routing from then on (as for every node on that database).
    /// </summary>
    public static async Task<int> LoadAtStartupAsync(
        IDocumentStore store, PolicyCatalog catalog, string workflowsDirectory, DateTimeOffset now, CancellationToken ct)
    {
        await SeedIfEmptyAsync(store, workflowsDirectory, now, ct);
        var published = await LoadPublishedAsync(store, null, ct);
        catalog.UpdateRouting(_ => new RoutingCatalog(published));
        return published.Count;
    }

    /// <summary>Adds the versions published since this node last looked (on any node). Returns how many.</summary>
    public static async Task<int> RefreshAsync(IDocumentStore store, PolicyCatalog catalog, CancellationToken ct)
    {
        var known = catalog.Routing.All.Select(d => PublishedRoutingDefinition.IdFor(d.Id, d.Version)).ToHashSet(StringComparer.Ordinal);
        var added = await LoadPublishedAsync(store, known, ct);
        if (added.Count == 0) return 0;
        catalog.UpdateRouting(current => new RoutingCatalog(current.All.Concat(
            added.Where(d => current.Find(d.Id, d.Version) is null))));
        return added.Count;
    }

    /// <summary>The version a case is pinned to: from memory, else from the database (published on another
    /// node moments ago), else null (never published).</summary>
    public static async Task<RoutingDefinition?> FindAsync(
        IQuerySession session, PolicyCatalog catalog, string workflowId, int version, CancellationToken ct)
    {
        if (catalog.Routing.Find(workflowId, version) is { } known) return known;
        var stored = await session.LoadAsync<PublishedRoutingDefinition>(PublishedRoutingDefinition.IdFor(workflowId, version), ct);
        if (stored is null) return null;
        var definition = Parse(stored);
        return catalog.UpdateRouting(current => current.Find(workflowId, version) is null
            ? new RoutingCatalog(current.All.Append(definition))
            : current).Find(workflowId, version);
    }

    internal static RoutingDefinition Parse(PublishedRoutingDefinition stored) =>
        RoutingDefinitionLoader.LoadOrThrow(stored.Yaml, $"{stored.Id} (published by {stored.PublishedBy})");

    private static async Task<IReadOnlyList<RoutingDefinition>> LoadPublishedAsync(
        IDocumentStore store, IReadOnlySet<string>? except, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var ids = await session.Query<PublishedRoutingDefinition>().Select(p => p.Id).ToListAsync(ct);
        var wanted = ids.Where(id => except is null || !except.Contains(id)).ToArray();
        if (wanted.Length == 0) return [];
        var documents = await session.LoadManyAsync<PublishedRoutingDefinition>(ct, wanted);
        return [.. documents.Select(Parse)];
    }

    private static async Task SeedIfEmptyAsync(IDocumentStore store, string workflowsDirectory, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<PublishedRoutingDefinition>().AnyAsync(ct)) return;
        var head = await session.LoadAsync<PolicyRevision>(PublishedRoutingDefinition.Kind, ct);
        foreach (var path in Directory.GetFiles(workflowsDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var yaml = await File.ReadAllTextAsync(path, ct);
            var definition = RoutingDefinitionLoader.LoadOrThrow(yaml, path);
            session.Insert(new PublishedRoutingDefinition(PublishedRoutingDefinition.IdFor(definition.Id, definition.Version),
                definition.Id, definition.Version, yaml, SeededBy, now));
        }

        PolicyRevision.Bump(session, PublishedRoutingDefinition.Kind, head);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (RaceRetry.IsLostRace(e))
        {
            // Another node starting on the same empty database seeded it first: use what it stored.
        }
    }
}
