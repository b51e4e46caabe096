using Cerebellum.Testing;
using Microsoft.Extensions.DependencyInjection;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Rules;
using Marten;

namespace Cerebellum.Engine.Tests;

[Collection(nameof(EngineCollection))]
public sealed class OpeningCasesTests(EngineFixture fixture)
{
    private static readonly DateTimeOffset ThreeAm = new(2026, 11, 25, 3, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset WednesdayMorning = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Smoke_in_the_flat_of_an_elderly_person_living_alone_opens_a_red_case_dispatched_to_every_party()
    {
        var detector = Signals.SmokeDetectorOfElderlyLivingAlone(fixture.Community);
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(detector.Id, at: ThreeAm));

        await using var session = fixture.Store.QuerySession();
        var signal = await session.LoadAsync<SignalRecord>(ids[0]);
        signal!.CaseId.ShouldNotBeNull();
        var events = (await session.Events.FetchStreamAsync(signal.CaseId!.Value)).Select(e => e.Data).ToList();

        events[0].ShouldBeOfType<CaseOpened>().Location.Unit.ShouldBe(detector.UnitId);
        events[1].ShouldBeOfType<SignalAttached>().SignalId.ShouldBe(signal.Id);
        var assessed = events[2].ShouldBeOfType<RiskAssessed>();
        assessed.Level.ShouldBe(RiskLevel.Red);
        assessed.Category.ShouldBe("fire");
        assessed.PackId.ShouldBe("community-default");
        assessed.FiredRuleIds.ShouldNotBeEmpty();
        assessed.FactsDigest.ShouldMatch("^sha256:[0-9a-f]{64}$");
        assessed.Parties.ShouldBe([Party.Police, Party.Property, Party.Street, Party.Health], ignoreOrder: true);

        var tasks = events.OfType<TaskAssigned>().ToList();
        // The fire-safety definition adds the household itself at red (three-way linkage: police, property, resident).
        tasks.Select(t => t.Party).ShouldBe([Party.Police, Party.Property, Party.Street, Party.Health, Party.Resident], ignoreOrder: true);
        var property = tasks.Single(t => t.Party == Party.Property);
        property.OfficeId.ShouldBe(fixture.Community.Offices
            .Single(o => o.Party == Party.Property && o.Compounds.Contains(detector.CompoundId)).Id);
        tasks.ShouldAllBe(t => t.DueAt > t.AssignedAt && t.DueAt < t.AssignedAt.AddHours(2));

        var summary = await session.LoadAsync<CaseSummary>(signal.CaseId.Value);
        summary!.Level.ShouldBe(RiskLevel.Red);
        summary.Status.ShouldBe(CaseStatus.Dispatched);
        summary.Tasks.Count.ShouldBe(tasks.Count);
        summary.NextDueAt.ShouldBe(tasks.Min(t => t.DueAt));
    }

    [Fact]
    public async Task Smoke_in_a_young_familys_flat_by_day_is_not_red_and_does_not_call_the_health_station()
    {
        var detector = Signals.SmokeDetectorOfYoungFamily(fixture.Community);
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(detector.Id, at: WednesdayMorning));

        await using var session = fixture.Store.QuerySession();
        var caseId = (await session.LoadAsync<SignalRecord>(ids[0]))!.CaseId!.Value;
        var summary = await session.LoadAsync<CaseSummary>(caseId);
        summary!.Level.ShouldNotBeNull();
        ((int)summary.Level!.Value).ShouldBeLessThan((int)RiskLevel.Red);
        summary.Tasks.ShouldNotContain(t => t.Party == Party.Health);
        summary.Tasks.ShouldContain(t => t.Party == Party.Property);
    }

    [Fact]
    public async Task A_repeated_message_is_stored_once_and_answers_the_same_id()
    {
        var detector = Signals.SmokeDetectorOfYoungFamily(fixture.Community);
        // At a fixed daytime instant: sent "now" during Beijing's night it opened a red case for this detector, which
        // the young-family test's alarm then joined (failing it whenever the suite ran between 14:00 and 22:00 UTC).
        var submission = Signals.Smoke(detector.Id, messageId: "repeat-" + Guid.NewGuid(), at: WednesdayMorning);
        var first = await fixture.AcceptAndProcessAsync(submission);
        var second = await fixture.AcceptAndProcessAsync(submission);

        second.ShouldBe(first);
        await using var session = fixture.Store.QuerySession();
        (await session.Query<SignalRecord>().CountAsync(s => s.MessageId == submission.MessageId)).ShouldBe(1);
        var caseId = (await session.LoadAsync<SignalRecord>(first[0]))!.CaseId!.Value;
        var events = await session.Events.FetchStreamAsync(caseId);
        events.Count(e => e.Data is SignalAttached a && a.SignalId == first[0]).ShouldBe(1);
    }

    [Fact]
    public async Task A_second_alarm_from_the_same_device_joins_the_open_case_without_new_tasks()
    {
        var detector = fixture.Community.Devices.First(d => d.Kind == "smoke" && d.UnitId!.StartsWith("cy2-b2"));
        var first = await fixture.AcceptAndProcessAsync(Signals.Smoke(detector.Id, at: WednesdayMorning));
        var second = await fixture.AcceptAndProcessAsync(Signals.Smoke(detector.Id, at: WednesdayMorning.AddMinutes(1)));

        await using var session = fixture.Store.QuerySession();
        var a = await session.LoadAsync<SignalRecord>(first[0]);
        var b = await session.LoadAsync<SignalRecord>(second[0]);
        b!.CaseId.ShouldBe(a!.CaseId);
        var events = await session.Events.FetchStreamAsync(a.CaseId!.Value);
        events.Count(e => e.Data is SignalAttached).ShouldBe(2);
        events.Count(e => e.Data is CaseOpened).ShouldBe(1);
        var tasksAfterFirst = events.TakeWhile(e => !(e.Data is SignalAttached s && s.SignalId == b.Id)).Count(e => e.Data is TaskAssigned);
        events.Count(e => e.Data is TaskAssigned).ShouldBe(tasksAfterFirst);
        (await session.LoadAsync<CaseSummary>(a.CaseId.Value))!.SignalCount.ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_copies_of_one_message_store_one_signal_and_open_one_case()
    {
        var detector = fixture.Community.Devices.First(d => d.Kind == "gas");
        var submission = Signals.Smoke(detector.Id, messageId: "race-" + Guid.NewGuid());
        submission.Kind = "gas";

        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            using var scope = fixture.Host.Services.CreateScope();
            return await fixture.Intake(scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>())
                .AcceptAsync([submission], default);
        })));

        ids.Select(i => i[0]).Distinct().Count().ShouldBe(1);
        await using var session = fixture.Store.QuerySession();
        (await session.Query<SignalRecord>().CountAsync(s => s.MessageId == submission.MessageId)).ShouldBe(1);
    }
}
