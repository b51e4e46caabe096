using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Rules;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.Tasks;

/// <summary>Deadlines are Wolverine scheduled messages persisted in PostgreSQL; on breach the case records
/// SlaBreached and takes the escalation chain step by step. Time is moved with the engine's clock and the
/// scheduled messages are played back through Wolverine's tracked sessions.</summary>
public sealed class DeadlineTimerTests(TaskHost host) : IClassFixture<TaskHost>
{
    [Fact]
    public async Task A_red_smoke_alarm_of_an_elderly_person_living_alone_dispatches_in_parallel_each_task_with_a_durable_timer()
    {
        var (caseId, tracked) = await host.SmokeAtElderlyAloneAsync(0);

        var c = await host.CaseAsync(caseId);
        c.Level.ShouldBe(RiskLevel.Red);
        c.Tasks.Select(t => t.Party).ShouldContain(Party.Police);
        c.Tasks.Select(t => t.Party).ShouldContain(Party.Property);
        c.Tasks.Select(t => t.Party).ShouldContain(Party.Street);
        // The resident's own task (confirm everyone is out, at red) is the household's, not an office's.
        c.Tasks.Select(t => t.Party).ShouldContain(Party.Resident);
        c.Tasks.Where(t => t.Party != Party.Resident).ShouldAllBe(t => t.OfficeId != null);
        var timers = tracked.Scheduled.MessagesOf<TaskDeadlineReached>().Where(t => t.CaseId == caseId).ToList();
        timers.Select(t => t.TaskKey).Order().ShouldBe(c.Tasks.Select(t => t.Key).Order());
        timers.ShouldAllBe(t => t.Round == 0 && t.Step == 0);
        tracked.Scheduled.Envelopes().Where(e => e.Message is TaskDeadlineReached d && d.CaseId == caseId)
            .ShouldAllBe(e => e.ScheduledTime == c.Tasks.Single(t => t.Key == ((TaskDeadlineReached)e.Message!).TaskKey).DueAt);
    }

    [Fact]
    public async Task When_the_deadline_passes_the_breach_is_recorded_and_escalated_then_the_next_step_is_scheduled()
    {
        var (caseId, dispatched) = await host.SmokeAtElderlyAloneAsync(1);
        var police = (await host.CaseAsync(caseId)).FindTask("police")!;
        var definition = host.Policies.Routing.Find((await host.CaseAsync(caseId)).WorkflowId!, 1)!;

        // Accepting a task does not stop its clock; only resolving does. Resolve property so only open tasks escalate.
        (await host.RunAsync(await host.CommandAsync(caseId, "property", new TaskAction.Resolve("已到场，确认误报")))).Result.Status.ShouldBe(TaskCommandStatus.Done);

        host.Clock.Offset = police.DueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        try
        {
            var fired = await dispatched.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(30));

            var events = await host.EventsAsync(caseId);
            events.OfType<SlaBreached>().Select(b => b.TaskKey).ShouldContain("police");
            events.OfType<SlaBreached>().Select(b => b.TaskKey).ShouldNotContain("property"); // done before its deadline
            var escalated = events.OfType<CaseEscalated>().Where(e => e.TaskKey == "police").ShouldHaveSingleItem();
            escalated.Step.ShouldBe(0);
            escalated.To.ShouldBe(definition.Escalation[0].To);
            escalated.Notify.ShouldBe(definition.Escalation[0].Notify);
            escalated.DueAt.ShouldBe(police.DueAt);

            var next = fired.Scheduled.Envelopes().Single(e => e.Message is TaskDeadlineReached { TaskKey: "police" } t && t.CaseId == caseId);
            ((TaskDeadlineReached)next.Message!).Step.ShouldBe(1);
            next.ScheduledTime.ShouldBe(police.DueAt + definition.Escalation[1].After);

            await using var session = host.Store.QuerySession();
            var summary = (await session.LoadAsync<CaseSummary>(caseId))!;
            summary.IsOverdue.ShouldBeTrue();
            summary.IsEscalated.ShouldBeTrue();
            summary.EscalatedTo.ShouldBe(definition.Escalation[0].To);
            summary.Tasks.Single(t => t.TaskKey == "police").ShouldSatisfyAllConditions(t => t.Breached.ShouldBeTrue(), t => t.EscalationSteps.ShouldBe(1));
            summary.Tasks.Single(t => t.TaskKey == "property").State.ShouldBe("done");

            // The supervisor's inbox: escalated and overdue cases.
            (await CaseQuery.FindAsync(session, new CaseFilter(Escalated: true, PageSize: 200), host.Clock.GetUtcNow(), default))
                .Items.Select(i => i.Id).ShouldContain(caseId);
            (await CaseQuery.FindAsync(session, new CaseFilter(Escalated: false, PageSize: 200), host.Clock.GetUtcNow(), default))
                .Items.Select(i => i.Id).ShouldNotContain(caseId);
            (await CaseQuery.FindAsync(session, new CaseFilter(Overdue: true, PageSize: 200), host.Clock.GetUtcNow(), default))
                .Items.Select(i => i.Id).ShouldContain(caseId);
        }
        finally
        {
            host.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_timer_for_a_task_resolved_in_time_does_nothing()
    {
        var (caseId, dispatched) = await host.SmokeAtElderlyAloneAsync(2);
        var c = await host.CaseAsync(caseId);
        foreach (var task in c.Tasks)
            (await host.RunAsync(await host.CommandAsync(caseId, task.Key, new TaskAction.Resolve("已处置")))).Result
                .Status.ShouldBe(TaskCommandStatus.Done);

        host.Clock.Offset = c.Tasks.Max(t => t.DueAt) - DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1);
        try
        {
            await dispatched.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            host.Clock.Offset = TimeSpan.Zero;
        }
        var events = await host.EventsAsync(caseId);
        events.OfType<SlaBreached>().ShouldBeEmpty();
        events.OfType<CaseEscalated>().ShouldBeEmpty();
        events.OfType<Cases.Lifecycle.CaseResolved>().ShouldHaveSingleItem();
    }
}
