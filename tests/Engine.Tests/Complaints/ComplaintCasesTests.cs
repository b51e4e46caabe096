using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Rules;
using Marten;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.Complaints;

/// <summary>The complaint handler on a real PostgreSQL: correlation by unit and category within 24 hours,
/// and the rule pack seeing the complaint as Trigger.ItemType "complaint".</summary>
[Collection(nameof(EngineCollection))]
public sealed class ComplaintCasesTests(EngineFixture fixture)
{
    // Local times in Asia/Shanghai; the handler assesses with the complaint's own time.
    private static readonly DateTimeOffset HalfPastEleven = new(2026, 11, 24, 23, 30, 0, TimeSpan.FromHours(8));

    private Place FlatNumber(int index)
    {
        var unit = fixture.Community.Units[index];
        var building = fixture.Community.Buildings.Single(b => b.Id == unit.BuildingId);
        return new Place(building.CompoundId, building.Id, unit.Id);
    }

    private async Task<ComplaintRecord> ProcessAsync(ComplaintRecord complaint)
    {
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Insert(complaint);
            await session.SaveChangesAsync();
        }
        await fixture.Host.InvokeMessageAndWaitAsync(new ProcessComplaint(complaint.Id));
        await using var query = fixture.Store.QuerySession();
        return (await query.LoadAsync<ComplaintRecord>(complaint.Id))!;
    }

    private async Task<List<object>> EventsAsync(Guid caseId)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(caseId)).Select(e => e.Data).ToList();
    }

    [Fact]
    public async Task A_noise_complaint_at_night_opens_a_yellow_case_for_police_and_property_at_the_unit()
    {
        var flat = FlatNumber(40);
        var done = await ProcessAsync(TestComplaints.About(flat, "noise", HalfPastEleven));

        var events = await EventsAsync(done.CaseId!.Value);
        var opened = events[0].ShouldBeOfType<CaseOpened>();
        opened.ItemType.ShouldBe("complaint");
        opened.Location.Unit.ShouldBe(flat.Unit);
        opened.CorrelationKey.ShouldBe($"unit:{flat.Unit}|complaint:noise");
        events[1].ShouldBeOfType<ComplaintAttached>().ComplaintId.ShouldBe(done.Id);
        var assessed = events[2].ShouldBeOfType<RiskAssessed>();
        assessed.Level.ShouldBe(RiskLevel.Yellow);
        assessed.FiredRuleIds.ShouldBe(["noise-at-night", "noise-complaint"], ignoreOrder: true);
        events.OfType<TaskAssigned>().Select(t => t.Party).ShouldContain(Party.Police);
        // The contact stays in the document; the stream carries no personal data.
        events.OfType<ComplaintAttached>().Single().ShouldNotBeNull();
        done.Contact!.Phone.ShouldBe("13900001111");
    }

    [Fact]
    public async Task Complaints_within_24h_attach_and_a_later_one_opens_a_new_case()
    {
        var flat = FlatNumber(41);
        var first = await ProcessAsync(TestComplaints.About(flat, "sanitation", HalfPastEleven, "门口垃圾没人收"));
        var second = await ProcessAsync(TestComplaints.About(flat, "sanitation", HalfPastEleven.AddHours(2), "还是没人收"));
        var third = await ProcessAsync(TestComplaints.About(flat, "sanitation", HalfPastEleven.AddHours(3), "已经发臭了"));
        var otherFlat = await ProcessAsync(TestComplaints.About(FlatNumber(42), "sanitation", HalfPastEleven.AddHours(3)));

        second.CaseId.ShouldBe(first.CaseId);
        third.CaseId.ShouldBe(first.CaseId);
        otherFlat.CaseId.ShouldNotBe(first.CaseId);
        var events = await EventsAsync(first.CaseId!.Value);
        events.OfType<ComplaintAttached>().Select(c => c.ComplaintId).ShouldBe([first.Id, second.Id, third.Id]);
        events.OfType<CaseOpened>().Count().ShouldBe(1);
        // The third report on one case raises it from blue to yellow (complaints-piling-up).
        var assessments = events.OfType<RiskAssessed>().ToList();
        assessments.Select(a => a.Level).ShouldBe([RiskLevel.Blue, RiskLevel.Yellow]);
        assessments[1].FiredRuleIds.ShouldContain("complaints-piling-up");

        await using var session = fixture.Store.QuerySession();
        (await session.LoadAsync<CaseSummary>(first.CaseId.Value))!.ComplaintCount.ShouldBe(3);
    }

    [Fact]
    public async Task A_complaint_more_than_24h_after_the_case_opened_starts_a_new_case()
    {
        var flat = FlatNumber(43);
        var first = await ProcessAsync(TestComplaints.About(flat, "leak", DateTimeOffset.UtcNow));
        var dayLater = await ProcessAsync(TestComplaints.About(flat, "leak", DateTimeOffset.UtcNow.AddHours(25)));

        dayLater.CaseId.ShouldNotBe(first.CaseId);
        await using var session = fixture.Store.QuerySession();
        (await session.LoadAsync<OpenCaseIndex>($"unit:{flat.Unit}|complaint:leak"))!.CaseId.ShouldBe(dayLater.CaseId!.Value);
    }

    [Fact]
    public async Task Racing_complaints_after_the_window_open_one_new_case_not_several()
    {
        // A case for this flat's noise opened 25 hours ago, still indexed under the key.
        var flat = FlatNumber(45);
        var key = $"complaint|unit:{flat.Unit}|noise";
        var oldCase = Guid.CreateVersion7();
        var dayAgo = DateTimeOffset.UtcNow.AddHours(-25);
        var where = new CaseLocation("cuiyuan", flat.Compound, flat.Building, flat.Unit, "", "");
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.StartStream<Cerebellum.Engine.Cases.Case>(oldCase, new CaseOpened(oldCase, key, "complaint", "noise", where, dayAgo));
            session.Insert(new OpenCaseIndex(key, oldCase, dayAgo));
            var later = Enumerable.Range(0, 8).Select(_ => TestComplaints.About(flat, "noise", DateTimeOffset.UtcNow)).ToArray();
            session.Insert(later);
            await session.SaveChangesAsync();

            // Processed in parallel: each finds the stale entry and wants to replace it with a case of its own.
            // Losers of the race fail once and are retried: those exceptions are expected.
            await fixture.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).DoNotAssertOnExceptionsDetected()
                .ExecuteAndWaitAsync(
                (Func<Wolverine.IMessageContext, Task>)(async bus =>
                {
                    foreach (var c in later) await bus.PublishAsync(new ProcessComplaint(c.Id));
                }));

            await using var query = fixture.Store.QuerySession();
            var cases = (await query.LoadManyAsync<ComplaintRecord>(later.Select(c => c.Id).ToArray()))
                .Select(c => c.CaseId).Distinct().ToList();
            cases.Count.ShouldBe(1, string.Join(", ", cases));
            cases[0].ShouldNotBeNull();
            cases[0].ShouldNotBe(oldCase);
        }
    }

    [Fact]
    public async Task Processing_twice_changes_nothing()
    {
        var done = await ProcessAsync(TestComplaints.About(FlatNumber(44), "dispute", HalfPastEleven));
        var before = (await EventsAsync(done.CaseId!.Value)).Count;

        await fixture.Host.InvokeMessageAndWaitAsync(new ProcessComplaint(done.Id));

        (await EventsAsync(done.CaseId.Value)).Count.ShouldBe(before);
    }
}
