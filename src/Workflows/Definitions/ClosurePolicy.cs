namespace Cerebellum.Workflows;

/// <summary>
/// How a case closes after its tasks are resolved (回访): the resident has
/// <see cref="FeedbackWithinDays"/> calendar days to confirm and rate; silence closes the case
/// as no-response so that cases do not stay open forever waiting for an answer (see ClosureDecider).
/// </summary>
public sealed record ClosurePolicy(bool RequireAllTasksDone, int FeedbackWithinDays, bool ReopenOnUnsatisfied)
{
    /// <summary>When an unanswered feedback request closes the case as no-response.</summary>
    /// <remarks>Calendar days ignore the holiday calendar, so any calendar would do here.</remarks>
    public DateTimeOffset FeedbackDeadline(DateTimeOffset resolvedAt) =>
        SlaCalculator.DueAt(new DurationSpec(FeedbackWithinDays, DurationUnit.Days), resolvedAt, HolidayCalendar.WeekdaysOnly);
}
