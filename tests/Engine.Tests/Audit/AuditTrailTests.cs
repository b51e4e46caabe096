using Cerebellum.Engine.Audit;
using Marten;
using Npgsql;

namespace Cerebellum.Engine.Tests.Audit;

/// <summary>A database of its own: these tests tamper with the trail.</summary>
public sealed class AuditFixture : EngineFixture;

public sealed class AuditTrailTests(AuditFixture fixture) : IClassFixture<AuditFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private async Task RecordAsync(AuditRequest request)
    {
        await using var session = fixture.Store.LightweightSession();
        await AuditTrail.RecordAsync(session, request, default);
        await session.SaveChangesAsync();
    }

    private async Task<List<AuditEntryView>> EntriesAsync(string actor)
    {
        await using var session = fixture.Store.QuerySession();
        return [.. await session.Query<AuditEntryView>().Where(x => x.Actor == actor).OrderBy(x => x.Id).ToListAsync()];
    }

    [Fact]
    public async Task Concurrent_writers_chain_one_after_another_without_gaps()
    {
        await AuditTrail.EnsureStartedAsync(fixture.Store, Now, default);
        var actor = "worker-" + Guid.NewGuid().ToString("N")[..6];
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => RecordAsync(new AuditRequest(actor, AuditActions.CaseAction, Now, Detail: $"action {i}")))));

        var entries = await EntriesAsync(actor);
        entries.Count.ShouldBe(30);
        entries.Select(e => e.Id).Distinct().Count().ShouldBe(30);
        var verification = await AuditTrail.VerifyAsync(fixture.Store, default);
        verification.Intact.ShouldBeTrue(verification.Problem);
        verification.LastHash.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Several_entries_in_one_session_chain_onto_each_other()
    {
        await AuditTrail.EnsureStartedAsync(fixture.Store, Now, default);
        var actor = "batch-" + Guid.NewGuid().ToString("N")[..6];
        await using (var session = fixture.Store.LightweightSession())
        {
            for (var i = 0; i < 3; i++)
                await AuditTrail.RecordAsync(session, new AuditRequest(actor, AuditActions.CaseAction, Now, Detail: $"step {i}"), default);
            await session.SaveChangesAsync();
        }
        var entries = await EntriesAsync(actor);
        entries.Count.ShouldBe(3);
        (entries[1].Id - entries[0].Id, entries[2].Id - entries[1].Id).ShouldBe((1L, 1L));
        (await AuditTrail.VerifyAsync(fixture.Store, default)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task More_than_twenty_sensitive_reads_in_an_hour_are_flagged_once()
    {
        await AuditTrail.EnsureStartedAsync(fixture.Store, Now, default);
        var curious = "curious-" + Guid.NewGuid().ToString("N")[..6];
        var careful = "careful-" + Guid.NewGuid().ToString("N")[..6];
        // Old reads do not count towards this hour.
        for (var i = 0; i < 15; i++)
            await RecordAsync(new AuditRequest(curious, AuditActions.SensitiveRead, Now.AddHours(-3), Guid.NewGuid(), ["healthReport.details"], "case-handling", "old reads"));
        for (var i = 0; i < 20; i++)
        {
            await RecordAsync(new AuditRequest(curious, AuditActions.SensitiveRead, Now.AddMinutes(i), Guid.NewGuid(), ["healthReport.details"], "case-handling", "routine check"));
            await RecordAsync(new AuditRequest(careful, AuditActions.SensitiveRead, Now.AddMinutes(i), Guid.NewGuid(), ["healthReport.details"], "case-handling", "routine check"));
        }
        (await EntriesAsync(curious)).ShouldNotContain(e => e.Action == AuditActions.AnomalyFlagged);

        await RecordAsync(new AuditRequest(curious, AuditActions.SensitiveRead, Now.AddMinutes(30), Guid.NewGuid(), ["healthReport.details"], "case-handling", "one more"));
        await RecordAsync(new AuditRequest(curious, AuditActions.SensitiveRead, Now.AddMinutes(31), Guid.NewGuid(), ["healthReport.details"], "case-handling", "and another"));

        (await EntriesAsync(curious)).Count(e => e.Action == AuditActions.AnomalyFlagged).ShouldBe(1);
        (await EntriesAsync(careful)).ShouldNotContain(e => e.Action == AuditActions.AnomalyFlagged);
        (await AuditTrail.VerifyAsync(fixture.Store, default)).Intact.ShouldBeTrue();
    }
}

/// <summary>Tampering with the raw table is detected and located. A database of its own, since it breaks the chain.</summary>
public sealed class AuditTamperTests(AuditTamperTests.Fixture fixture) : IClassFixture<AuditTamperTests.Fixture>
{
    public sealed class Fixture : EngineFixture;

    private async Task<int> SqlAsync(string sql)
    {
        var connection = fixture.Store.Storage.Database.CreateConnection();
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection);
            return await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task An_edit_or_a_deletion_in_mt_events_is_found_at_the_right_entry()
    {
        var now = DateTimeOffset.UtcNow;
        await AuditTrail.EnsureStartedAsync(fixture.Store, now, default);
        for (var i = 0; i < 5; i++)
        {
            await using var session = fixture.Store.LightweightSession();
            await AuditTrail.RecordAsync(session, new AuditRequest("supervisor1", AuditActions.CaseAction, now, Detail: $"chase {i}"), default);
            await session.SaveChangesAsync();
        }
        (await AuditTrail.VerifyAsync(fixture.Store, default)).IntactCount.ShouldBe(6);

        var where = $"stream_id = '{AuditTrail.StreamId}' and version = 3";
        (await SqlAsync($"update cerebellum.mt_events set data = jsonb_set(data, '{{detail}}', '\"nothing to see\"') where {where}")).ShouldBe(1);
        var edited = await AuditTrail.VerifyAsync(fixture.Store, default);
        edited.Intact.ShouldBeFalse();
        edited.FirstBrokenSequence.ShouldBe(3);
        edited.IntactCount.ShouldBe(2);

        (await SqlAsync($"delete from cerebellum.mt_events where {where}")).ShouldBe(1);
        var deleted = await AuditTrail.VerifyAsync(fixture.Store, default);
        deleted.FirstBrokenSequence.ShouldBe(3);
        deleted.Problem!.ShouldContain("missing");
    }
}
