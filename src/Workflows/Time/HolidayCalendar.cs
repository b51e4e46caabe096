using System.Collections.Frozen;

namespace Cerebellum.Workflows;

/// <summary>
/// Which dates are working days. China's rule is not "Monday to Friday": public holidays are
/// days off, and most years some Saturdays or Sundays become make-up working days (调休) to
/// bridge holidays. Both lists change every year by State Council notice, so they are data.
/// A date in neither list follows the weekday rule (Monday–Friday work).
/// </summary>
public sealed class HolidayCalendar
{
    private readonly FrozenDictionary<DateOnly, string> holidays;
    private readonly FrozenDictionary<DateOnly, string> makeUpWorkdays;

    public HolidayCalendar(
        string name,
        IReadOnlyDictionary<DateOnly, string> holidays,
        IReadOnlyDictionary<DateOnly, string> makeUpWorkdays,
        IEnumerable<int>? years = null,
        bool provisional = false)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkdays);
        var clash = holidays.Keys.Where(makeUpWorkdays.ContainsKey).Order().ToList();
        if (clash.Count > 0)
        {
            throw new ArgumentException($"dates are both a holiday and a make-up working day: {string.Join(", ", clash.Select(d => d.ToString("O")))}");
        }

        Name = name;
        this.holidays = holidays.ToFrozenDictionary();
        this.makeUpWorkdays = makeUpWorkdays.ToFrozenDictionary();
        Years = (years ?? []).ToFrozenSet();
        Provisional = provisional;
    }

    /// <summary>No holidays and no make-up days: Monday to Friday. For tests and other regions.</summary>
    public static HolidayCalendar WeekdaysOnly { get; } =
        new("weekdays-only", new Dictionary<DateOnly, string>(), new Dictionary<DateOnly, string>());

    public string Name { get; }

    /// <summary>The years the data covers; outside them only the weekday rule applies.</summary>
    public IReadOnlySet<int> Years { get; }

    /// <summary>True when the data is a forecast not yet confirmed by the official notice.</summary>
    public bool Provisional { get; }

    public static HolidayCalendar Load(string yamlText, string fileName) =>
        HolidayCalendarParser.Parse(yamlText, fileName);

    /// <summary>Combines yearly files into one calendar; a date cannot be a holiday in one and a workday in another.</summary>
    public static HolidayCalendar Merge(params HolidayCalendar[] calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        var holidays = new Dictionary<DateOnly, string>();
        var workdays = new Dictionary<DateOnly, string>();
        foreach (var calendar in calendars)
        {
            foreach (var (date, name) in calendar.holidays)
            {
                holidays.TryAdd(date, name);
            }

            foreach (var (date, name) in calendar.makeUpWorkdays)
            {
                workdays.TryAdd(date, name);
            }
        }

        return new HolidayCalendar(
            string.Join("+", calendars.Select(c => c.Name)),
            holidays,
            workdays,
            calendars.SelectMany(c => c.Years),
            calendars.Any(c => c.Provisional));
    }

    public bool IsHoliday(DateOnly date) => holidays.ContainsKey(date);

    public bool IsMakeUpWorkday(DateOnly date) => makeUpWorkdays.ContainsKey(date);

    public bool IsWorkingDay(DateOnly date) =>
        makeUpWorkdays.ContainsKey(date)
        || (!holidays.ContainsKey(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The holiday's name (e.g. "国庆节 National Day"), for display in deadlines and inboxes.</summary>
    public string? HolidayName(DateOnly date) => holidays.GetValueOrDefault(date);
}
