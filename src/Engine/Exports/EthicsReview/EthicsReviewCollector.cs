using Cerebellum.Engine.Audit;
using Marten;
using Npgsql;

namespace Cerebellum.Engine.Exports.EthicsReview;

/// <summary>Gathers the bundle from PostgreSQL: counts with GROUP BY on the case projection and the event table (a
/// month of cases is never loaded into memory), and the audit trail's entries for the period.</summary>
public static class EthicsReviewCollector
{
    public const string AllScope = "all";

    private const string VolumeSql = """
        select coalesce(nullif(data->>'category', ''), 'unassessed'), coalesce(lower(data->>'level'), 'unassessed'), count(*)
        from {0}.mt_doc_casesummary
        where (data->>'openedAt')::timestamptz >= @from and (data->>'openedAt')::timestamptz < @to
          and (@scope = 'all' or data->>'compoundId' = @scope)
        group by 1, 2 order by 1, 2
        """;

    // Assessments recorded in the period, per pack version and per fired rule, scoped through the case's compound.
    private const string PackSql = """
        select e.data->>'packId', (e.data->>'packVersion')::int, count(*)
        from {0}.mt_events e
        left join {0}.mt_doc_casesummary c on c.id = e.stream_id
        where e.type = 'risk_assessed' and e.timestamp >= @from and e.timestamp < @to
          and (@scope = 'all' or c.data->>'compoundId' = @scope)
        group by 1, 2 order by 1, 2
        """;

    private const string RuleSql = """
        select e.data->>'packId', (e.data->>'packVersion')::int, r.rule, count(*)
        from {0}.mt_events e
        cross join lateral jsonb_array_elements_text(e.data->'firedRuleIds') as r(rule)
        left join {0}.mt_doc_casesummary c on c.id = e.stream_id
        where e.type = 'risk_assessed' and e.timestamp >= @from and e.timestamp < @to
          and (@scope = 'all' or c.data->>'compoundId' = @scope)
        group by 1, 2, 3 order by 1, 2, 4 desc, 3
        """;

    public static async Task<EthicsReviewBundle> CollectAsync(
        IDocumentStore store, DateTimeOffset from, DateTimeOffset to, string scope, string generatedBy, DateTimeOffset now,
        Func<int, Task>? progress, CancellationToken ct)
    {
        // PostgreSQL's timestamptz parameters take UTC instants only (Npgsql refuses other offsets).
        (from, to) = (from.ToUniversalTime(), to.ToUniversalTime());
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);

        var volumes = await ReadAsync(connection, VolumeSql, from, to, scope, r => new CaseVolume(r.GetString(0), r.GetString(1), (int)r.GetInt64(2)), ct);
        await Report(progress, 20);
        var packs = await ReadAsync(connection, PackSql, from, to, scope, r => (Id: r.GetString(0), Version: r.GetInt32(1), Count: (int)r.GetInt64(2)), ct);
        var rules = await ReadAsync(connection, RuleSql, from, to, scope,
            r => (Id: r.GetString(0), Version: r.GetInt32(1), Rule: r.GetString(2), Count: (int)r.GetInt64(3)), ct);
        var packUses = packs.Select(p => new RulePackUse(p.Id, p.Version, p.Count,
            [.. rules.Where(r => r.Id == p.Id && r.Version == p.Version).Select(r => new RuleFiring(r.Rule, r.Count))])).ToList();
        await Report(progress, 45);

        await using var session = store.QuerySession();
        var audit = await session.Query<AuditEntryView>()
            .Where(x => x.At >= from && x.At < to &&
                (x.Action == AuditActions.SensitiveRead || x.Action == AuditActions.Erased || x.Action == AuditActions.AnomalyFlagged))
            .OrderBy(x => x.Id).ToListAsync(ct);
        var inScope = scope == AllScope ? null : await CasesInScopeAsync(session, audit, scope, ct);
        bool Keep(AuditEntryView e) => inScope is null || e.CaseId is null || inScope.Contains(e.CaseId.Value);
        await Report(progress, 65);

        var chain = await AuditTrail.VerifyAsync(store, ct);
        await Report(progress, 85);

        return new EthicsReviewBundle(from, to, scope, now, generatedBy, volumes, packUses,
            [.. audit.Where(e => e.Action == AuditActions.SensitiveRead && Keep(e))
                .Select(e => new SensitiveAccess(e.At, e.Actor, e.CaseId, e.Fields, e.Purpose, e.PurposeText))],
            [.. audit.Where(e => e.Action == AuditActions.Erased && Keep(e)).Select(e => new ErasureRecord(e.At, e.Actor, e.CaseId, e.Detail))],
            await UpwardShares.CountAsync(session, from, to, ct),
            [.. audit.Where(e => e.Action == AuditActions.AnomalyFlagged).Select(e => new AnomalyRecord(e.At, e.Actor, e.CaseId, e.Detail))],
            new AuditChainState(chain.Intact, chain.IntactCount, chain.LastHash, chain.FirstBrokenSequence, chain.Problem));
    }

    private static Task Report(Func<int, Task>? progress, int percent) => progress?.Invoke(percent) ?? Task.CompletedTask;

    private static async Task<HashSet<Guid>> CasesInScopeAsync(
        IQuerySession session, IReadOnlyList<AuditEntryView> entries, string scope, CancellationToken ct)
    {
        var ids = entries.Where(e => e.CaseId is not null).Select(e => e.CaseId!.Value).Distinct().ToArray();
        if (ids.Length == 0) return [];
        var cases = await session.LoadManyAsync<Cases.Inbox.CaseSummary>(ct, ids);
        return [.. cases.Where(c => c.CompoundId == scope).Select(c => c.Id)];
    }

    private static async Task<List<T>> ReadAsync<T>(
        NpgsqlConnection connection, string sql, DateTimeOffset from, DateTimeOffset to, string scope,
        Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(string.Format(sql, EngineSetup.Schema), connection);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.AddWithValue("to", to);
        cmd.Parameters.AddWithValue("scope", scope);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }
}
