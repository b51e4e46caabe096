using Cerebellum.Engine.Audit;
using Cerebellum.Rules;
using JasperFx;
using Marten;

namespace Cerebellum.Engine.Policies.RulePacks;

public enum PublishStatus { Published, Invalid, TestsFailed, NotNewer }

public sealed record PublishResult(
    PublishStatus Status, CompiledRulePack? Pack, IReadOnlyList<RuleDiagnostic> Diagnostics, IReadOnlyList<PackTestResult> Failures,
    string? Problem = null);

/// <summary>Publishing a rule pack: only a valid pack whose own tests all pass, only a version newer than
/// every published one, stored immutably with who and when, then in force for the next assessment.</summary>
public static class RulePackPublishing
{
    public const string FileName = "published.yaml";

    public static async Task<PublishResult> PublishAsync(
        IDocumentStore store, PolicyCatalog catalog, string yaml, string by, DateTimeOffset now, CancellationToken ct)
    {
        var loaded = RulePackLoader.Load(yaml, FileName);
        if (!loaded.Succeeded) return new(PublishStatus.Invalid, null, loaded.Diagnostics, []);
        var pack = loaded.Pack!;
        var results = pack.RunTests();
        var failures = results.Where(t => !t.Passed).ToList();
        if (failures.Count > 0) return new(PublishStatus.TestsFailed, pack, [], failures);

        await using var session = store.LightweightSession();
        var newest = await NewestVersionAsync(session, pack.Id, ct);
        var inForce = catalog.RulePack.Id == pack.Id ? catalog.RulePack.Version : 0;
        if (pack.Version <= Math.Max(newest, inForce))
            return new(PublishStatus.NotNewer, pack, [], [],
                $"Version {pack.Version} is not newer than version {Math.Max(newest, inForce)} of {pack.Id}; raise `version`.");

        session.Insert(new PublishedRulePack(PublishedRulePack.IdFor(pack.Id, pack.Version), pack.Id, pack.Version, yaml,
            results.Count, by, now));
        await AuditTrail.RecordAsync(session, new AuditRequest(by, AuditActions.RulePackPublished, now,
            Detail: $"{pack.Id} v{pack.Version}, {results.Count} pack tests passed"), ct);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            return new(PublishStatus.NotNewer, pack, [], [], $"Version {pack.Version} of {pack.Id} was published meanwhile.");
        }
        catalog.Activate(pack);
        return new(PublishStatus.Published, pack, [], []);
    }

    /// <summary>At start-up: the newest published version wins over the pack file when it is newer.</summary>
    public static async Task<CompiledRulePack?> ActivateNewestAsync(IDocumentStore store, PolicyCatalog catalog, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await ActivateNewestAsync(session, catalog, ct);
    }

    /// <summary>Activates the newest published version if it is newer than the one in force. Cheap when nothing
    /// changed (one indexed query for the version number), which is the common case: nodes call it every few seconds.</summary>
    public static async Task<CompiledRulePack?> ActivateNewestAsync(IQuerySession session, PolicyCatalog catalog, CancellationToken ct)
    {
        var inForce = catalog.RulePack;
        if (await NewestVersionAsync(session, inForce.Id, ct) <= inForce.Version) return null;
        var newest = await session.Query<PublishedRulePack>()
            .Where(p => p.PackId == inForce.Id)
            .OrderByDescending(p => p.Version)
            .FirstAsync(ct);
        var pack = RulePackLoader.LoadOrThrow(newest.Yaml, $"{newest.Id} (published by {newest.PublishedBy})");
        return catalog.Activate(pack) ? pack : null;
    }

    private static async Task<int> NewestVersionAsync(IQuerySession session, string packId, CancellationToken ct) =>
        await session.Query<PublishedRulePack>().Where(p => p.PackId == packId)
            .OrderByDescending(p => p.Version).Select(p => p.Version).FirstOrDefaultAsync(ct);
}
