using NodaTime.Extensions;

namespace Cerebellum.Workflows;

/// <summary>
/// Turns an SLA into a deadline. The rules (also in docs/workflows.md):
/// <list type="bullet">
/// <item><c>m</c>, <c>h</c>: elapsed time from the instant; nights and holidays count, because
/// short SLAs belong to urgent cases that do not wait for office hours.</item>
/// <item><c>d</c>: the same Asia/Shanghai wall-clock time N dates later.</item>
/// <item><c>wd</c>: the same Asia/Shanghai wall-clock time on the Nth working day after the
/// start date. The start date itself never counts, whether or not it is a working day, and
/// there are no office hours: a case opened Saturday 15:00 with 1wd is due Monday 15:00, one
/// opened Friday 23:30 is due Monday 23:30.</item>
/// </list>
/// The result carries the same offset as <c>from</c>.
/// </summary>
public static class SlaCalculator
{
    /// <summary>Parses the SLA text (e.g. "10m", "1wd"); throws FormatException if it is not valid.</summary>
    public static DateTimeOffset DueAt(string slaText, DateTimeOffset from, HolidayCalendar calendar) =>
        DueAt(DurationSpec.Parse(slaText), from, calendar);

    public static DateTimeOffset DueAt(DurationSpec sla, DateTimeOffset from, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(calendar);
        switch (sla.Unit)
        {
            case DurationUnit.Minutes:
            case DurationUnit.Hours:
                return from + sla.FixedLength!.Value;
            case DurationUnit.Days:
                return LocalClock.FromLocal(LocalClock.ToLocal(from).PlusDays(sla.Amount), from.Offset);
            default:
                var local = LocalClock.ToLocal(from);
                var dueDate = AddWorkingDays(local.Date.ToDateOnly(), sla.Amount, calendar);
                return LocalClock.FromLocal(dueDate.ToLocalDate().At(local.TimeOfDay), from.Offset);
        }
    }

    /// <summary>The Nth working day strictly after <paramref name="start"/>.</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays, HolidayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        ArgumentNullException.ThrowIfNull(calendar);
        var date = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (calendar.IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }
}
