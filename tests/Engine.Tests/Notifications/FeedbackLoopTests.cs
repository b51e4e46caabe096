using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Feedback;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Cerebellum.Workflows;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.Notifications;

/// <summary>The closed loop (回访) end to end: resolve → request by mail → answer or silence → close or reopen.</summary>
public sealed class FeedbackLoopTests(FollowUpFixture fixture) : IClassFixture<FollowUpFixture>
{
    private PolicyCatalog Policies => fixture.Host.Services.GetRequiredService<PolicyCatalog>();

    private async Task<AnswerResult> AnswerAsync(string token, FeedbackAnswer answer)
    {
        return await FeedbackAnswering.AnswerAsync(fixture.Host.Services.GetRequiredService<Wolverine.Marten.Publishing.OutboxedSessionFactory>(),
            fixture.Host.Services.GetRequiredService<Wolverine.IMessageBus>(), Policies, token, answer, DateTimeOffset.UtcNow, default);
    }

    private async Task<FeedbackView?> ViewAsync(string token)
    {
        await using var session = fixture.Store.QuerySession();
        return await FeedbackAnswering.ViewAsync(session, token, DateTimeOffset.UtcNow, default);
    }

    private async Task<(Guid CaseId, string Token)> ResolvedComplaintAsync(int unit, string email, DateTimeOffset? resolvedAt = null)
    {
        var caseId = await fixture.ComplaintCaseAsync(unit, "noise", email);
        await fixture.ResolveAsync(caseId, resolvedAt ?? DateTimeOffset.UtcNow);
        var mail = await fixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        return (caseId, FollowUpFixture.TokenIn(mail));
    }

    [Fact]
    public async Task A_satisfied_resident_closes_the_case_and_the_link_answers_only_once()
    {
        var (caseId, token) = await ResolvedComplaintAsync(300, "wang.resident@example.com");
        var requested = await fixture.WaitForEventAsync<FeedbackRequested>(caseId);
        requested.Recipient.ShouldBe(FeedbackRecipient.Complainant);

        var view = (await ViewAsync(token)).ShouldNotBeNull();
        view.State.ShouldBe(FeedbackState.Open);
        view.ResolutionNote.ShouldBe("已更换楼上水管，漏水已止");
        view.DueAt.ShouldBe(requested.DueAt);

        var first = await AnswerAsync(token, new FeedbackAnswer(true, 5, "  修得很快  "));
        first.Status.ShouldBe(AnswerStatus.Recorded);
        first.Outcome.ShouldBe(new ClosureOutcome(CloseReason.Satisfied, false));

        var events = await fixture.EventsAsync(caseId);
        events.OfType<FeedbackReceived>().Single().ShouldBe(new FeedbackReceived(caseId, requested.RequestId, true, 5, "修得很快",
            events.OfType<FeedbackReceived>().Single().At));
        events.OfType<FeedbackConcluded>().Single().Reason.ShouldBe(CloseReason.Satisfied);
        events[^1].ShouldBeOfType<CaseClosed>().By.ShouldBe(FeedbackDecisions.Resident);
        (await fixture.CaseAsync(caseId)).Status.ShouldBe(CaseStatus.Closed);

        (await AnswerAsync(token, new FeedbackAnswer(false, 1, "changed my mind"))).Status.ShouldBe(AnswerStatus.AlreadyAnswered);
        (await ViewAsync(token))!.State.ShouldBe(FeedbackState.Answered);
        (await fixture.EventsAsync(caseId)).OfType<FeedbackReceived>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task An_unsatisfied_resident_reopens_the_case_because_the_definition_says_so()
    {
        var (caseId, token) = await ResolvedComplaintAsync(301, "li.resident@example.com");

        var result = await AnswerAsync(token, new FeedbackAnswer(false, 2, "还在滴水"));

        result.Outcome.ShouldBe(new ClosureOutcome(CloseReason.Unsatisfied, true));
        (await fixture.CaseAsync(caseId)).Status.ShouldBe(CaseStatus.Reopened);
        var events = await fixture.EventsAsync(caseId);
        events.OfType<FeedbackConcluded>().Single().Reopened.ShouldBeTrue();
        events.OfType<CaseReopened>().ShouldHaveSingleItem().Reason.ShouldContain("不满意");
        // Reopened with its tasks issued again, each with a fresh deadline after the answer.
        var taskKeys = events.OfType<TaskAssigned>().Select(t => t.TaskKey).Distinct().ToList();
        var reissued = events.OfType<Cerebellum.Engine.Cases.Tasks.TaskReissued>().ToList();
        reissued.Select(r => r.TaskKey).ShouldBe(taskKeys, ignoreOrder: true);
        reissued.ShouldAllBe(r => r.DueAt > events.OfType<CaseReopened>().Single().At);
    }

    [Fact]
    public async Task Silence_past_the_window_closes_the_case_as_no_response_and_a_late_answer_is_refused()
    {
        // Resolved more than the definition's window ago: the durable timer is already due and fires at once.
        var (caseId, token) = await ResolvedComplaintAsync(302, "zhao.resident@example.com", DateTimeOffset.UtcNow.AddDays(-8));

        var concluded = await fixture.WaitForEventAsync<FeedbackConcluded>(caseId);
        concluded.Reason.ShouldBe(CloseReason.NoResponse);
        concluded.Reopened.ShouldBeFalse();
        var events = await fixture.EventsAsync(caseId);
        events[^1].ShouldBeOfType<CaseClosed>().By.ShouldBe(FeedbackDecisions.System);

        (await AnswerAsync(token, new FeedbackAnswer(true, 5, null))).Status.ShouldBe(AnswerStatus.Expired);
        (await ViewAsync(token))!.State.ShouldBe(FeedbackState.Expired);
    }

    [Fact]
    public async Task A_case_with_nobody_to_ask_still_gets_a_window_and_no_mail()
    {
        var device = fixture.Community.Devices.First(d => d.Kind == "smoke" && d.BuildingId == "cy3-b2");
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(device.Id));
        await using var session = fixture.Store.QuerySession();
        var caseId = (await session.LoadAsync<SignalRecord>(ids[0]))!.CaseId!.Value;
        var resolvedAt = DateTimeOffset.UtcNow;
        await fixture.ResolveAsync(caseId, resolvedAt, "确认为厨房油烟，已提醒住户");

        var requested = await fixture.WaitForEventAsync<FeedbackRequested>(caseId);
        requested.Recipient.ShouldBe(FeedbackRecipient.NoReachableResident);
        // Emergency dispatch (the smoke definition) gives residents 3 days.
        requested.DueAt.ShouldBe(resolvedAt.AddDays(3), TimeSpan.FromSeconds(1));
        fixture.Smtp.Received.ShouldNotContain(m => m.Text().Contains("/feedback/") && m.Text().Contains("油烟"));
    }

    [Fact]
    public async Task A_timer_that_fires_early_or_after_an_answer_changes_nothing_and_a_redelivered_request_opens_no_second_window()
    {
        var (caseId, token) = await ResolvedComplaintAsync(303, "sun.resident@example.com");
        var requested = await fixture.WaitForEventAsync<FeedbackRequested>(caseId);
        var before = (await fixture.EventsAsync(caseId)).Count;

        await fixture.Host.InvokeMessageAndWaitAsync(new FeedbackWindowElapsed(caseId, requested.RequestId));
        await fixture.Host.InvokeMessageAndWaitAsync(new RequestFeedback(requested.RequestId, caseId, DateTimeOffset.UtcNow, "again"));
        (await fixture.EventsAsync(caseId)).Count.ShouldBe(before);
        (await fixture.CaseAsync(caseId)).Status.ShouldBe(CaseStatus.Resolved);

        (await AnswerAsync(token, new FeedbackAnswer(true, 4, null))).Status.ShouldBe(AnswerStatus.Recorded);
        var afterAnswer = (await fixture.EventsAsync(caseId)).Count;
        await fixture.Host.InvokeMessageAndWaitAsync(new FeedbackWindowElapsed(caseId, requested.RequestId));
        (await fixture.EventsAsync(caseId)).Count.ShouldBe(afterAnswer);
    }

    [Fact]
    public async Task Two_answers_at_once_record_one()
    {
        var (caseId, token) = await ResolvedComplaintAsync(304, "zhou.resident@example.com");

        var results = await Task.WhenAll(
            Task.Run(() => AnswerAsync(token, new FeedbackAnswer(true, 5, null))),
            Task.Run(() => AnswerAsync(token, new FeedbackAnswer(false, 1, null))));

        results.Count(r => r.Status == AnswerStatus.Recorded).ShouldBe(1);
        results.Count(r => r.Status is AnswerStatus.AlreadyAnswered or AnswerStatus.Conflict).ShouldBe(1);
        (await fixture.EventsAsync(caseId)).OfType<FeedbackReceived>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_case_closed_by_hand_no_longer_takes_feedback_and_an_unknown_token_is_just_unknown()
    {
        var (caseId, token) = await ResolvedComplaintAsync(305, "wu.resident@example.com");
        await using (var session = fixture.Store.LightweightSession())
        {
            var version = (await session.Events.FetchStreamStateAsync(caseId))!.Version;
            (await CaseCommands.RunAsync(session, caseId, version, c => CaseTransitions.Close(c, "street1", "电话回访满意", DateTimeOffset.UtcNow), default))
                .Status.ShouldBe(CaseCommandStatus.Done);
        }

        (await AnswerAsync(token, new FeedbackAnswer(true, 5, null))).Status.ShouldBe(AnswerStatus.NoLongerOpen);
        (await ViewAsync(token))!.State.ShouldBe(FeedbackState.Closed);
        (await AnswerAsync("not-a-token", new FeedbackAnswer(true, 5, null))).Status.ShouldBe(AnswerStatus.UnknownToken);
        (await ViewAsync(new string('x', 5000))).ShouldBeNull();
    }
}
