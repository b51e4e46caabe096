using NodaTime;

namespace Cerebellum.Rules;

/// <summary>
/// Local time in the community (Asia/Shanghai). Time is passed in by the caller so assessments are
/// reproducible: back-testing replays the clock a case was assessed with.
/// </summary>
public sealed record ClockFact
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public int Hour { get; init; }

    public int Minute { get; init; }

    /// <summary>ISO day of week: 1 = Monday .. 7 = Sunday.</summary>
    public int DayOfWeek { get; init; }

    /// <summary>22:00 to 06:00 local: residents asleep, fewer staff on duty.</summary>
    public bool IsNight { get; init; }

    /// <summary>Per the official calendar including make-up working days (调休), when the caller supplies it.</summary>
    public bool IsWorkingDay { get; init; }

    public bool IsHoliday { get; init; }

    /// <summary>
    /// Builds the clock for an instant. The calendar functions receive the local date; without them a working
    /// day is Monday to Friday that is not a holiday, and nothing is a holiday.
    /// </summary>
    public static ClockFact At(
        DateTimeOffset instant,
        Func<DateOnly, bool>? isWorkingDay = null,
        Func<DateOnly, bool>? isHoliday = null)
    {
        var local = Instant.FromDateTimeOffset(instant).InZone(Shanghai).LocalDateTime;
        var date = new DateOnly(local.Year, local.Month, local.Day);
        var dayOfWeek = (int)local.DayOfWeek;
        var holiday = isHoliday?.Invoke(date) ?? false;
        var workingDay = isWorkingDay?.Invoke(date) ?? (dayOfWeek <= 5 && !holiday);
        return new ClockFact
        {
            Hour = local.Hour,
            Minute = local.Minute,
            DayOfWeek = dayOfWeek,
            IsNight = local.Hour >= 22 || local.Hour < 6,
            IsWorkingDay = workingDay,
            IsHoliday = holiday,
        };
    }
}
