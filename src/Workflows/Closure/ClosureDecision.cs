namespace Cerebellum.Workflows;

/// <summary>Why a case left the feedback window (回访): the resident was satisfied, was not, or did not answer.</summary>
public enum CloseReason { Satisfied, Unsatisfied, NoResponse }

/// <summary>What the closed loop does with a case: close it for a reason, or reopen it (the
/// resident was unsatisfied and the definition says such cases are worked again).</summary>
public sealed record ClosureOutcome(CloseReason Reason, bool Reopen)
{
    public bool Closes => !Reopen;
}

/// <summary>A resident's answer to a feedback request, as received (not yet validated).</summary>
public sealed record FeedbackAnswer(bool Satisfied, int Rating, string? Comment)
{
    public const int LowestRating = 1;
    public const int HighestRating = 5;
    public const int LongestComment = 1000;
}

/// <summary>
/// The closed loop's decisions (回访), pure: the case's closure policy plus an answer or the
/// passing of the feedback window → close or reopen. The engine appends the events and owns the
/// timer; the window timer is never cancelled, so <see cref="OnWindowElapsed"/> is asked whether
/// the window has really passed when it fires.
/// </summary>
public static class ClosureDecider
{
    /// <summary>The answer's fields in error (field name → message), empty when it may be recorded.</summary>
    public static IReadOnlyDictionary<string, string> Validate(FeedbackAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var errors = new Dictionary<string, string>();
        if (answer.Rating is < FeedbackAnswer.LowestRating or > FeedbackAnswer.HighestRating)
            errors["rating"] = $"Rate from {FeedbackAnswer.LowestRating} to {FeedbackAnswer.HighestRating}.";
        if (answer.Comment is { Length: > FeedbackAnswer.LongestComment })
            errors["comment"] = $"The comment may be at most {FeedbackAnswer.LongestComment} characters.";
        return errors;
    }

    /// <summary>Satisfied closes; unsatisfied reopens when the definition says so, else closes as unsatisfied.</summary>
    public static ClosureOutcome OnAnswer(ClosurePolicy policy, FeedbackAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Satisfied) return new(CloseReason.Satisfied, Reopen: false);
        return new(CloseReason.Unsatisfied, Reopen: policy.ReopenOnUnsatisfied);
    }

    /// <summary>Null while the window is still open (a timer that fires early, e.g. after a clock
    /// change, must not close the case); once it has passed, the case closes as no-response.</summary>
    public static ClosureOutcome? OnWindowElapsed(DateTimeOffset dueAt, DateTimeOffset now) =>
        now >= dueAt ? new(CloseReason.NoResponse, Reopen: false) : null;

    /// <summary>An answer counts only while the window is open: at the deadline it is too late.</summary>
    public static bool AcceptsAnswers(DateTimeOffset dueAt, DateTimeOffset now) => now < dueAt;
}
