using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Rules;
using Cerebellum.Workflows.Interpreter;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;
using static Cerebellum.Engine.Cases.Tasks.TaskAction;

namespace Cerebellum.Engine.Tests.Tasks;

public sealed class TaskCommandTests(TaskHost host) : IClassFixture<TaskHost>
{
    [Fact]
    public async Task Two_handlers_accepting_one_task_at_once_one_wins_the_other_gets_a_conflict()
    {
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(10);
        var first = await host.CommandAsync(caseId, "police", new Accept());
        var second = first with { OperationId = Guid.NewGuid().ToString("N"), By = "other" };

        var results = await Task.WhenAll(host.RunAsync(first), host.RunAsync(second));

        results.Count(r => r.Result.Status == TaskCommandStatus.Done).ShouldBe(1);
        var loser = results.Single(r => r.Result.Status != TaskCommandStatus.Done).Result;
        loser.Status.ShouldBe(TaskCommandStatus.Conflict);
        loser.Version.ShouldBe(first.ExpectedVersion + 1);
        (await host.EventsAsync(caseId)).OfType<TaskAccepted>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_repeated_operation_id_answers_the_first_result_and_appends_nothing()
    {
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(11);
        var note = await host.CommandAsync(caseId, "street", new Note("网格员已出发"));

        var first = (await host.RunAsync(note)).Result;
        var repeat = (await host.RunAsync(note)).Result; // same expected version: still answered, not a conflict

        first.Status.ShouldBe(TaskCommandStatus.Done);
        repeat.ShouldBe(first);
        (await host.EventsAsync(caseId)).OfType<TaskNoteAdded>().ShouldHaveSingleItem().Note.ShouldBe("网格员已出发");

        var reused = (await host.RunAsync(note with { ExpectedVersion = first.Version, Action = new Note("另一条") })).Result;
        reused.Status.ShouldBe(TaskCommandStatus.OperationReused);
        (await host.EventsAsync(caseId)).OfType<TaskNoteAdded>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_rejected_task_goes_to_the_street_office_which_hands_it_off_to_another_office()
    {
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(12);
        var property = (await host.CaseAsync(caseId)).FindTask("property")!;

        var rejected = await host.RunAsync(await host.CommandAsync(caseId, "property", new Reject("该楼不归我司管理"), property.OfficeId));
        rejected.Result.Status.ShouldBe(TaskCommandStatus.Done);
        var returned = (await host.CaseAsync(caseId)).FindTask("property")!;
        returned.Status.ShouldBe(WorkflowTaskStatus.Returned);
        returned.OfficeId.ShouldBe("street-cuiyuan");
        returned.DueAt.ShouldBe(property.DueAt); // the resident is still waiting: the clock runs on

        // The property office no longer holds it; the street office does.
        (await host.RunAsync(await host.CommandAsync(caseId, "property", new Accept(), property.OfficeId))).Result.Status
            .ShouldBe(TaskCommandStatus.Forbidden);
        var other = property.OfficeId == "property-lvcheng" ? "property-jinguanjia" : "property-lvcheng";
        (await host.RunAsync(await host.CommandAsync(caseId, "property", new HandOff(other, "转交实际管理方"), "street-cuiyuan"))).Result.Status
            .ShouldBe(TaskCommandStatus.Done);
        var handedOff = (await host.CaseAsync(caseId)).FindTask("property")!;
        handedOff.OfficeId.ShouldBe(other);
        handedOff.Status.ShouldBe(WorkflowTaskStatus.Assigned);

        await using var session = host.Store.QuerySession();
        var summary = (await session.LoadAsync<Cases.Inbox.CaseSummary>(caseId))!;
        summary.Tasks.Single(t => t.TaskKey == "property").OfficeId.ShouldBe(other);
        summary.OfficeIds.ShouldContain(other);
    }

    [Fact]
    public async Task A_hand_off_to_an_unknown_office_or_the_same_one_is_refused_and_appends_nothing()
    {
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(13);
        var before = (await host.EventsAsync(caseId)).Count;
        (await host.RunAsync(await host.CommandAsync(caseId, "police", new HandOff("no-such-office", "试试")))).Result
            .ShouldSatisfyAllConditions(r => r.Status.ShouldBe(TaskCommandStatus.Refused), r => r.Problem.ShouldBe("There is no office 'no-such-office'."));
        (await host.RunAsync(await host.CommandAsync(caseId, "police", new HandOff("police-cuiyuan", "试试")))).Result.Status
            .ShouldBe(TaskCommandStatus.Refused);
        (await host.EventsAsync(caseId)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Assistance_issues_a_task_to_the_helping_party_with_its_own_durable_timer()
    {
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(14);
        var c = await host.CaseAsync(caseId);
        // At red the health station has a task of its own; once it is done, the street office can still ask it for help.
        var helper = Party.Health;
        if (c.Tasks.FirstOrDefault(t => t.Party == helper) is { } own)
            (await host.RunAsync(await host.CommandAsync(caseId, own.Key, new Resolve("已上门查看")))).Result.Status.ShouldBe(TaskCommandStatus.Done);

        var (result, tracked) = await host.RunAsync(await host.CommandAsync(caseId, "street", new Assist(helper, "老人需要医护人员上门")));

        result.Status.ShouldBe(TaskCommandStatus.Done);
        var events = await host.EventsAsync(caseId);
        var request = events.OfType<AssistanceRequested>().ShouldHaveSingleItem();
        var issued = events.OfType<TaskAssigned>().Last();
        issued.TaskKey.ShouldBe(request.AssistTaskKey);
        issued.Party.ShouldBe(helper);
        tracked.Scheduled.MessagesOf<TaskDeadlineReached>().ShouldHaveSingleItem().TaskKey.ShouldBe(issued.TaskKey);
    }

    [Fact]
    public async Task Resolving_every_task_resolves_the_case_and_reopening_reissues_them_with_fresh_timers()
    {
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(15);
        foreach (var task in (await host.CaseAsync(caseId)).Tasks)
            (await host.RunAsync(await host.CommandAsync(caseId, task.Key, new Resolve("已处置")))).Result.Status.ShouldBe(TaskCommandStatus.Done);
        var resolved = await host.CaseAsync(caseId);
        resolved.Status.ShouldBe(CaseStatus.Resolved);
        (await host.EventsAsync(caseId)).OfType<CaseResolved>().ShouldHaveSingleItem();
        await using (var query = host.Store.QuerySession())
            (await query.Query<OpenCaseIndex>().AnyAsync(x => x.CaseId == caseId)).ShouldBeFalse(); // the next alarm opens a new case

        host.Clock.Offset = TimeSpan.FromDays(1);
        try
        {
            var now = host.Clock.GetUtcNow();
            CaseCommandResult reopened = null!;
            var tracked = await host.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async bus =>
            {
                await using var session = host.Host.Services.GetRequiredService<Wolverine.Marten.Publishing.OutboxedSessionFactory>().OpenSession(bus);
                var version = (await session.Events.FetchStreamStateAsync(caseId))!.Version;
                reopened = await CaseCommands.RunAsync(session, caseId, version,
                    c => TaskReopening.Reopen(c, host.Policies, "resident", "问题仍未解决", now), default, bus);
            }));

            reopened.Status.ShouldBe(CaseCommandStatus.Done);
            var c = await host.CaseAsync(caseId);
            c.Status.ShouldBe(CaseStatus.Reopened);
            c.Tasks.ShouldAllBe(t => t.Status == WorkflowTaskStatus.Assigned && t.Round == 1 && t.DueAt > now);
            c.Tasks.Select(t => t.OfficeId).ShouldBe(resolved.Tasks.Select(t => t.OfficeId));
            tracked.Scheduled.MessagesOf<TaskDeadlineReached>().Select(t => (t.TaskKey, t.Round))
                .Order().ShouldBe(c.Tasks.Select(t => (t.Key, 1)).Order());

            (await host.RunAsync(await host.CommandAsync(caseId, "street", new Accept()))).Result.Status.ShouldBe(TaskCommandStatus.Done);
            (await host.CaseAsync(caseId)).Status.ShouldBe(CaseStatus.InProgress);
        }
        finally
        {
            host.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Unknown_cases_and_tasks_and_stale_versions_are_told_apart()
    {
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(16);
        var accept = await host.CommandAsync(caseId, "police", new Accept());
        (await host.RunAsync(accept with { CaseId = Guid.NewGuid() })).Result.Status.ShouldBe(TaskCommandStatus.CaseNotFound);
        (await host.RunAsync(accept with { TaskKey = "fire-brigade" })).Result.Status.ShouldBe(TaskCommandStatus.TaskNotFound);
        var stale = (await host.RunAsync(accept with { ExpectedVersion = accept.ExpectedVersion - 1 })).Result;
        stale.Status.ShouldBe(TaskCommandStatus.Conflict);
        stale.Version.ShouldBe(accept.ExpectedVersion);
    }

    [Fact]
    public async Task A_further_alarm_keeps_the_case_on_the_definition_version_it_started_with()
    {
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(17);
        var c = await host.CaseAsync(caseId);
        CaseWorkflow.For(c, "no-such-category", host.Policies).ShouldBe(host.Policies.Routing.Find(c.WorkflowId!, c.WorkflowVersion));
        CaseWorkflow.For(null, "no-such-category", host.Policies).IsFallback.ShouldBeTrue();
    }
}
