namespace Cerebellum.Workflows.Tests;

public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Cn2026 = SampleFiles.Calendar("cn-2026");

    [Theory]
    [InlineData("2026-01-04", true)]  // Sunday, make-up working day for New Year
    [InlineData("2026-02-14", true)]  // Saturday, make-up for Spring Festival
    [InlineData("2026-02-16", false)] // Monday, 除夕
    [InlineData("2026-02-23", false)] // Monday, last day of the Spring Festival block
    [InlineData("2026-04-06", false)] // Monday, Qingming (in lieu)
    [InlineData("2026-05-05", false)] // Tuesday, Labour Day block
    [InlineData("2026-05-09", true)]  // Saturday, make-up for Labour Day
    [InlineData("2026-06-19", false)] // Friday, Dragon Boat
    [InlineData("2026-09-25", false)] // Friday, Mid-Autumn
    [InlineData("2026-10-05", false)] // Monday, National Day
    [InlineData("2026-10-10", true)]  // Saturday, make-up for National Day
    [InlineData("2026-10-11", false)] // an ordinary Sunday
    [InlineData("2026-03-11", true)]  // an ordinary Wednesday
    public void The_2026_schedule_matches_the_state_council_notice(string date, bool working)
    {
        Cn2026.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(working);
    }

    [Fact]
    public void Holidays_include_the_weekend_days_inside_a_block_but_not_ordinary_weekends()
    {
        Cn2026.IsHoliday(new DateOnly(2026, 10, 3)).ShouldBeTrue();
        Cn2026.IsHoliday(new DateOnly(2026, 10, 11)).ShouldBeFalse();
        Cn2026.IsHoliday(new DateOnly(2026, 10, 10)).ShouldBeFalse();
        Cn2026.HolidayName(new DateOnly(2026, 10, 3)).ShouldBe("国庆节 National Day");
    }

    [Fact]
    public void The_2027_file_is_marked_provisional_and_merging_keeps_the_mark()
    {
        var cn2027 = SampleFiles.Calendar("cn-2027");

        Cn2026.Provisional.ShouldBeFalse();
        cn2027.Provisional.ShouldBeTrue();
        SampleFiles.China().Provisional.ShouldBeTrue();
        SampleFiles.China().Years.Order().ShouldBe([2026, 2027]);
    }

    [Fact]
    public void The_provisional_2027_file_gives_weekend_statutory_days_back_on_weekdays()
    {
        var cn2027 = SampleFiles.Calendar("cn-2027");

        cn2027.IsWorkingDay(new DateOnly(2027, 2, 10)).ShouldBeFalse(); // Wednesday in lieu of Sunday 7 Feb
        cn2027.IsWorkingDay(new DateOnly(2027, 5, 4)).ShouldBeFalse();  // Tuesday in lieu of Sunday 2 May
        cn2027.IsWorkingDay(new DateOnly(2027, 10, 6)).ShouldBeTrue();  // not yet known to be off
    }

    [Fact]
    public void Weekdays_only_knows_no_holidays()
    {
        HolidayCalendar.WeekdaysOnly.IsWorkingDay(new DateOnly(2026, 10, 1)).ShouldBeTrue();
        HolidayCalendar.WeekdaysOnly.IsWorkingDay(new DateOnly(2026, 10, 10)).ShouldBeFalse();
    }

    [Fact]
    public void Merging_a_holiday_with_a_make_up_day_on_the_same_date_is_rejected()
    {
        var day = new DateOnly(2026, 10, 10);
        var off = new HolidayCalendar("a", new Dictionary<DateOnly, string> { [day] = "x" }, new Dictionary<DateOnly, string>());
        var on = new HolidayCalendar("b", new Dictionary<DateOnly, string>(), new Dictionary<DateOnly, string> { [day] = "y" });

        Should.Throw<ArgumentException>(() => HolidayCalendar.Merge(off, on)).Message.ShouldContain("2026-10-10");
    }
}
