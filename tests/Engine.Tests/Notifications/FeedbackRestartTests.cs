using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Feedback;
using Cerebellum.Workflows;

namespace Cerebellum.Engine.Tests.Notifications;

public sealed class FeedbackRestartTests(FollowUpFixture fixture) : IClassFixture<FollowUpFixture>
{
    [Fact]
    public async Task A_feedback_window_that_ends_while_the_engine_is_stopped_closes_the_case_after_restart()
    {
        var caseId = await fixture.ComplaintCaseAsync(310, "noise", "qian.resident@example.com");
        // Resolved so that the window (7 days for this definition) ends a few seconds from now.
        var requestedAt = DateTimeOffset.UtcNow;
        await fixture.ResolveAsync(caseId, requestedAt.AddDays(-7).AddSeconds(6));
        var requested = await fixture.WaitForEventAsync<FeedbackRequested>(caseId);
        requested.DueAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow);

        (await fixture.CaseAsync(caseId)).Status.ShouldBe(CaseStatus.Resolved);

        // Down until the deadline has passed: the timer can only fire in the next process.
        await fixture.RestartAsync(down: requested.DueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

        var concluded = await fixture.WaitForEventAsync<FeedbackConcluded>(caseId, TimeSpan.FromSeconds(60));
        concluded.Reason.ShouldBe(CloseReason.NoResponse);
        (await fixture.CaseAsync(caseId)).Status.ShouldBe(CaseStatus.Closed);
    }
}
