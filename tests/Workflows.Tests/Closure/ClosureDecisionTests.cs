namespace Cerebellum.Workflows.Tests.Closure;

public sealed class ClosureDecisionTests
{
    private static readonly ClosurePolicy Reopening = new(RequireAllTasksDone: true, FeedbackWithinDays: 7, ReopenOnUnsatisfied: true);
    private static readonly ClosurePolicy Closing = Reopening with { ReopenOnUnsatisfied = false };

    [Fact]
    public void A_satisfied_resident_closes_the_case_whatever_the_policy()
    {
        ClosureDecider.OnAnswer(Reopening, new(true, 5, null)).ShouldBe(new ClosureOutcome(CloseReason.Satisfied, false));
        ClosureDecider.OnAnswer(Closing, new(true, 4, "谢谢")).ShouldBe(new ClosureOutcome(CloseReason.Satisfied, false));
    }

    [Fact]
    public void An_unsatisfied_resident_reopens_the_case_when_the_definition_says_so()
    {
        var outcome = ClosureDecider.OnAnswer(Reopening, new(false, 1, "还在漏水"));
        outcome.Reason.ShouldBe(CloseReason.Unsatisfied);
        outcome.Reopen.ShouldBeTrue();
        outcome.Closes.ShouldBeFalse();
    }

    [Fact]
    public void An_unsatisfied_resident_closes_the_case_as_unsatisfied_when_the_definition_does_not_reopen()
    {
        var outcome = ClosureDecider.OnAnswer(Closing, new(false, 2, null));
        outcome.ShouldBe(new ClosureOutcome(CloseReason.Unsatisfied, false));
        outcome.Closes.ShouldBeTrue();
    }

    [Fact]
    public void The_window_closes_the_case_as_no_response_only_once_it_has_passed()
    {
        var due = Time.At(2026, 10, 8, 9);
        ClosureDecider.OnWindowElapsed(due, due.AddSeconds(-1)).ShouldBeNull();
        ClosureDecider.OnWindowElapsed(due, due).ShouldBe(new ClosureOutcome(CloseReason.NoResponse, false));
        ClosureDecider.OnWindowElapsed(due, due.AddDays(3)).ShouldBe(new ClosureOutcome(CloseReason.NoResponse, false));
    }

    [Fact]
    public void Answers_are_accepted_until_the_deadline_and_not_at_it()
    {
        var due = Time.At(2026, 10, 8, 9);
        ClosureDecider.AcceptsAnswers(due, due.AddTicks(-1)).ShouldBeTrue();
        ClosureDecider.AcceptsAnswers(due, due).ShouldBeFalse();
    }

    [Fact]
    public void The_window_is_the_definitions_days_in_calendar_days_holidays_included()
    {
        // Resolved on the eve of the National Day holiday: the 3 days still run through it.
        var policy = Reopening with { FeedbackWithinDays = 3 };
        policy.FeedbackDeadline(Time.At(2026, 9, 30, 18, 30)).ShouldBe(Time.At(2026, 10, 3, 18, 30));
    }

    [Theory]
    [InlineData(0, null, "rating")]
    [InlineData(6, null, "rating")]
    [InlineData(-3, null, "rating")]
    public void A_rating_outside_one_to_five_is_named(int rating, string? comment, string field)
    {
        ClosureDecider.Validate(new(true, rating, comment)).Keys.ShouldBe([field]);
    }

    [Fact]
    public void A_comment_longer_than_allowed_is_named_and_one_at_the_limit_is_accepted()
    {
        ClosureDecider.Validate(new(false, 1, new string('漏', FeedbackAnswer.LongestComment + 1))).Keys.ShouldBe(["comment"]);
        ClosureDecider.Validate(new(false, 1, new string('漏', FeedbackAnswer.LongestComment))).ShouldBeEmpty();
        ClosureDecider.Validate(new(true, 5, null)).ShouldBeEmpty();
    }
}
