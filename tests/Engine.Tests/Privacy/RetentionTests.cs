using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Cases.Statistics;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Privacy.Retention;
using Cerebellum.Engine.Tests.Complaints;
using Cerebellum.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.Privacy;

/// <summary>Its own database: the sweep erases every expired case it finds, and these tests move the clock months on.</summary>
public sealed class RetentionFixture : EngineFixture;

[CollectionDefinition(nameof(RetentionCollection))]
public sealed class RetentionCollection : ICollectionFixture<RetentionFixture>;

[Collection(nameof(RetentionCollection))]
public sealed class RetentionTests(RetentionFixture fixture)
{
    private static readonly RetentionOptions Options = new();
    private const string Subject = "李秀英";
    private const string Details = "发热38.9℃，身份证33010619520304123X，女儿电话13588889999";

    private async Task<Guid> HealthCaseAsync(string unitId)
    {
        // The portal starts the audit trail at start-up; this engine-only host does it here.
        await Cerebellum.Engine.Audit.AuditTrail.EnsureStartedAsync(fixture.Store, DateTimeOffset.UtcNow, default);
        var intake = fixture.Host.Services.GetRequiredService<HealthReportIntake>();
        var record = await intake.AcceptAsync("health-cuiyuan", new HealthReportSubmission
        {
            ReportId = "hr-" + Guid.NewGuid().ToString("N")[..8], Kind = "fever", Severity = 3,
            OccurredAt = TestTimes.Iso(DateTimeOffset.UtcNow.AddMinutes(-5)), Location = new ItemLocation(null, null, unitId),
            Subject = Subject, Details = Details,
        }, default);
        return record.CaseId;
    }

    private async Task<Guid> ComplaintCaseAsync(Place place)
    {
        var complaint = TestComplaints.About(place, "noise", DateTimeOffset.UtcNow.AddMinutes(-5), "我是欧阳娜娜，电话13900001111，楼上每晚吵");
        complaint.Contact = new ResidentContact("娜娜", "欧阳", "13900001111", "nana@example.com");
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Insert(complaint);
            await session.SaveChangesAsync();
        }
        await fixture.Host.InvokeMessageAndWaitAsync(new ProcessComplaint(complaint.Id));
        await using var query = fixture.Store.QuerySession();
        return (await query.LoadAsync<ComplaintRecord>(complaint.Id))!.CaseId!.Value;
    }

    private async Task CancelAsync(Guid caseId)
    {
        await using var session = fixture.Store.LightweightSession();
        var version = (await session.Events.FetchStreamStateAsync(caseId))!.Version;
        var result = await CaseCommands.RunAsync(session, caseId, version,
            c => CaseTransitions.Cancel(c, "street1", "居民已自行处理", DateTimeOffset.UtcNow), default);
        result.Status.ShouldBe(CaseCommandStatus.Done);
    }

    private Place PlaceOf(string unitId)
    {
        var unit = fixture.Community.Units.Single(u => u.Id == unitId);
        var building = fixture.Community.Buildings.Single(b => b.Id == unit.BuildingId);
        return new Place(building.CompoundId, building.Id, unit.Id);
    }

    /// <summary>Rows of the raw tables (every mt_events row of the stream; every mt_doc_* table) whose JSON holds the text.</summary>
    private async Task<List<string>> RawRowsHoldingAsync(string text)
    {
        var found = new List<string>();
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'cerebellum' and (table_name like 'mt_doc_%' or table_name = 'mt_events')",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from cerebellum.{table} where data::text like @p", connection);
            count.Parameters.AddWithValue("p", "%" + text + "%");
            if ((long)(await count.ExecuteScalarAsync())! > 0) found.Add(table);
        }
        return found;
    }

    [Fact]
    public async Task Retention_erases_health_details_after_30_days_and_names_and_phones_after_180_leaving_the_skeleton()
    {
        var healthCase = await HealthCaseAsync("cy3-b2-u0301");
        var complaintCase = await ComplaintCaseAsync(PlaceOf("cy3-b2-u0402"));
        (await RawRowsHoldingAsync(Subject)).ShouldContain("mt_events");
        (await RawRowsHoldingAsync("13588889999")).ShouldContain("mt_doc_healthreportrecord");
        (await RawRowsHoldingAsync("13900001111")).ShouldContain("mt_doc_complaintrecord");

        // Still open: the sweep leaves them alone, however late it is.
        (await RetentionSweeper.SweepAsync(fixture.Store, Options, DateTimeOffset.UtcNow.AddDays(400), default))
            .ShouldNotContain(o => o.CaseId == healthCase || o.CaseId == complaintCase);

        await CancelAsync(healthCase);
        await CancelAsync(complaintCase);
        var statsBefore = await StatisticsAsync("cy3-b2");
        await using (var q = fixture.Store.QuerySession())
        {
            var summary = await q.LoadAsync<CaseSummary>(complaintCase);
            summary!.UnitId.ShouldBe("cy3-b2-u0402");
        }

        // 29 days: nothing yet.
        (await RetentionSweeper.SweepAsync(fixture.Store, Options, DateTimeOffset.UtcNow.AddDays(29), default)).ShouldBeEmpty();

        // 31 days: the health details are gone everywhere; the complainant's contact stays.
        var first = await RetentionSweeper.SweepAsync(fixture.Store, Options, DateTimeOffset.UtcNow.AddDays(31), default);
        first.ShouldContain(o => o.CaseId == healthCase && o.From == DataClass.Sensitive);
        (await RawRowsHoldingAsync(Subject)).ShouldBeEmpty();
        (await RawRowsHoldingAsync("13588889999")).ShouldBeEmpty();
        (await RawRowsHoldingAsync("33010619520304123X")).ShouldBeEmpty();
        (await RawRowsHoldingAsync("13900001111")).ShouldContain("mt_doc_complaintrecord");

        // 181 days: names, phones, e-mail and the free text are gone too; the unit is cut back to the building.
        var second = await RetentionSweeper.SweepAsync(fixture.Store, Options, DateTimeOffset.UtcNow.AddDays(181), default);
        second.ShouldContain(o => o.CaseId == complaintCase && o.From == DataClass.Personal);
        foreach (var text in new[] { "13900001111", "欧阳", "nana@example.com", "楼上每晚吵" })
            (await RawRowsHoldingAsync(text)).ShouldBeEmpty(text);
        // The unit stays in the registry (reference data: the flat exists whoever complained), nowhere in the case's data.
        (await RawRowsHoldingAsync("cy3-b2-u0402")).ShouldBe(["mt_doc_device", "mt_doc_household", "mt_doc_unit"], ignoreOrder: true);

        // A further sweep has nothing left to do for them.
        (await RetentionSweeper.SweepAsync(fixture.Store, Options, DateTimeOffset.UtcNow.AddDays(400), default))
            .ShouldNotContain(o => o.CaseId == healthCase || o.CaseId == complaintCase);

        // The skeleton: events still there in order, category, level, building, counts; statistics unchanged.
        await using var session = fixture.Store.QuerySession();
        var erased = await session.LoadAsync<CaseSummary>(complaintCase);
        erased!.BuildingId.ShouldBe("cy3-b2");
        erased.Category.ShouldNotBeNullOrEmpty();
        erased.ComplaintCount.ShouldBe(1);
        erased.ErasureStage.ShouldBe(2);
        erased.UnitId.ShouldBe("cy3-b2-*****");
        var events = await session.Events.FetchStreamAsync(complaintCase);
        events.Select(e => e.Data).OfType<CaseDataErased>().Select(e => e.From).ShouldBe([DataClass.Sensitive, DataClass.Personal]);
        events.Select(e => e.Data).OfType<Cases.ComplaintAttached>().Single().Kind.ShouldBe("noise");
        (await StatisticsAsync("cy3-b2")).ShouldBe(statsBefore);

        var audit = await session.Query<Cerebellum.Engine.Audit.AuditEntryView>().Where(a => a.Action == "erased" && a.CaseId == complaintCase).ToListAsync();
        audit.Count.ShouldBe(2);
        audit.ShouldContain(a => a.Fields.Contains("complaintRecord.contact.phone") && a.Detail == "retention: personal and above");
        audit.ShouldAllBe(a => a.Actor == "system");
    }

    private async Task<string> StatisticsAsync(string building)
    {
        var all = await BuildingStatisticsQuery.ForCompoundAsync(fixture.Store, "cy3", DateTimeOffset.UtcNow, default);
        var b = all.Single(s => s.BuildingId == building);
        return $"{b.Total} {b.Active} {b.Red} {b.Orange} {b.Yellow} {b.Blue} {string.Join(",", b.ByCategory.OrderBy(kv => kv.Key))}";
    }

    [Fact]
    public async Task An_active_case_is_never_erased()
    {
        var caseId = await HealthCaseAsync("cy3-b3-u0101");
        (await CaseErasure.EraseAsync(fixture.Store, caseId, DataClass.Personal, "test", "admin", null, DateTimeOffset.UtcNow, default))
            .ShouldBeNull();
        (await RawRowsHoldingAsync(Subject)).ShouldContain("mt_events");
    }

    [Fact]
    public async Task One_retention_chain_runs_however_often_nodes_start_and_a_stale_sweep_is_dropped()
    {
        // The hosted scheduler started the chain at start-up; a second start (another node) does not start another.
        (await RetentionScheduler.EnsureScheduledAsync(fixture.Host.Services, default)).ShouldBeFalse();
        RetentionSchedule schedule;
        await using (var session = fixture.Store.QuerySession())
            schedule = (await session.LoadAsync<RetentionSchedule>(RetentionSchedule.TheId))!;

        await fixture.Host.InvokeMessageAndWaitAsync(new RetentionSweep(schedule.NextRunAt.AddMinutes(-7)));
        await using (var session = fixture.Store.QuerySession())
            (await session.LoadAsync<RetentionSchedule>(RetentionSchedule.TheId))!.NextRunAt.ShouldBe(schedule.NextRunAt);

        var tracked = await fixture.Host.InvokeMessageAndWaitAsync(new RetentionSweep(schedule.NextRunAt));
        await using (var session = fixture.Store.QuerySession())
        {
            var moved = (await session.LoadAsync<RetentionSchedule>(RetentionSchedule.TheId))!;
            moved.NextRunAt.ShouldBeGreaterThan(schedule.NextRunAt);
            moved.LastRunAt.ShouldNotBeNull();
        }
        tracked.Scheduled.MessagesOf<RetentionSweep>().ShouldHaveSingleItem();
    }
}
