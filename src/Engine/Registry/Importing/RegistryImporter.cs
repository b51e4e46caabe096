using Marten;

namespace Cerebellum.Engine.Registry.Importing;

/// <summary>Imports registry files: reads what is stored, lets the pure parser decide, and stores the batch in
/// one transaction (all or nothing). Records are upserted by id: an import adds and replaces, it never deletes.</summary>
public sealed class RegistryImporter(IDocumentStore store, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(IReadOnlyList<ImportFile> files, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var snapshot = await SnapshotAsync(session, ct);
        var year = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var (batch, errors) = RegistryImportParser.Parse(files, snapshot, year);
        if (errors.Count > 0) return new ImportResult(null, errors);

        Store(session, batch.Communities);
        Store(session, batch.Compounds);
        Store(session, batch.Buildings);
        Store(session, batch.Units);
        var households = batch.AssembledHouseholds().ToArray();
        if (households.Length > 0) session.Store(households);
        Store(session, batch.Devices);
        Store(session, batch.Offices);
        await session.SaveChangesAsync(ct);
        return new ImportResult(batch.Counts, []);
    }

    private static void Store<T>(IDocumentSession session, List<Sourced<T>> records) where T : notnull
    {
        if (records.Count > 0) session.Store(records.Select(r => r.Item).ToArray());
    }

    private static async Task<RegistrySnapshot> SnapshotAsync(IQuerySession session, CancellationToken ct)
    {
        var communities = await session.Query<Community>().Select(c => c.Id).ToListAsync(ct);
        var compounds = await session.Query<Compound>().ToListAsync(ct);
        var buildings = await session.Query<Building>().ToListAsync(ct);
        var units = await session.Query<Unit>().Select(u => new { u.Id, u.BuildingId }).ToListAsync(ct);
        var households = await session.Query<Household>().Select(h => new { h.Id, h.UnitId }).ToListAsync(ct);
        return new RegistrySnapshot(
            communities.ToHashSet(),
            compounds.ToDictionary(c => c.Id, c => c.CommunityId),
            buildings.ToDictionary(b => b.Id),
            units.ToDictionary(u => u.Id, u => u.BuildingId),
            households.DistinctBy(h => h.UnitId).ToDictionary(h => h.UnitId, h => h.Id));
    }
}
