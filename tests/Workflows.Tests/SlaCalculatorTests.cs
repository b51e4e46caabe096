using static Cerebellum.Workflows.Tests.Time;

namespace Cerebellum.Workflows.Tests;

public class SlaCalculatorTests
{
    private static readonly HolidayCalendar China = SampleFiles.China();

    [Fact]
    public void One_working_day_from_friday_is_monday_at_the_same_time()
    {
        SlaCalculator.DueAt("1wd", At(2026, 3, 6, 16, 45), China).ShouldBe(At(2026, 3, 9, 16, 45));
    }

    [Fact]
    public void A_start_outside_working_hours_counts_from_the_instant()
    {
        // Saturday night: the next working day is Monday, at the same wall-clock time.
        SlaCalculator.DueAt("1wd", At(2026, 3, 7, 22, 15), China).ShouldBe(At(2026, 3, 9, 22, 15));
    }

    [Fact]
    public void Working_days_skip_the_national_day_holiday()
    {
        // Wednesday 30 September; 1–7 October are off.
        SlaCalculator.DueAt("1wd", At(2026, 9, 30, 16), China).ShouldBe(At(2026, 10, 8, 16));
    }

    [Fact]
    public void The_make_up_saturday_after_national_day_is_a_working_day()
    {
        // Thu 8 Oct, Fri 9 Oct, then Saturday 10 October, which the notice makes a working day.
        SlaCalculator.DueAt("3wd", At(2026, 9, 30, 16), China).ShouldBe(At(2026, 10, 10, 16));
    }

    [Fact]
    public void A_make_up_saturday_is_the_next_working_day_after_friday()
    {
        // Saturday 14 February 2026 is worked to bridge the Spring Festival.
        SlaCalculator.DueAt("1wd", At(2026, 2, 13, 9, 30), China).ShouldBe(At(2026, 2, 14, 9, 30));
    }

    [Fact]
    public void Spring_festival_is_skipped_after_the_make_up_saturday()
    {
        // Sat 14 Feb worked, 15–23 Feb off, Tuesday 24 February is the next working day.
        SlaCalculator.DueAt("2wd", At(2026, 2, 13, 9, 30), China).ShouldBe(At(2026, 2, 24, 9, 30));
    }

    [Fact]
    public void A_make_up_sunday_counts_as_a_working_day()
    {
        // Sunday 20 September 2026 is worked for National Day.
        SlaCalculator.DueAt("1wd", At(2026, 9, 19, 11), China).ShouldBe(At(2026, 9, 20, 11));
    }

    [Fact]
    public void Without_holiday_data_only_weekends_are_skipped()
    {
        SlaCalculator.DueAt("1wd", At(2026, 9, 30, 16), HolidayCalendar.WeekdaysOnly).ShouldBe(At(2026, 10, 1, 16));
    }

    [Fact]
    public void Working_days_are_counted_on_beijing_dates_whatever_the_input_offset()
    {
        // 18:00 UTC on Friday 6 March is already 02:00 on Saturday in Beijing, so the next
        // working day is Monday (02:00 Beijing), not Saturday or Monday 18:00 UTC.
        var fridayUtc = new DateTimeOffset(2026, 3, 6, 18, 0, 0, TimeSpan.Zero);

        var due = SlaCalculator.DueAt("1wd", fridayUtc, China);

        due.ShouldBe(At(2026, 3, 9, 2));
        due.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Working_days_continue_into_next_years_calendar()
    {
        // Thursday 31 December 2026: 1 January 2027 is a holiday only in the 2027 file.
        SlaCalculator.DueAt("1wd", At(2026, 12, 31, 10), China).ShouldBe(At(2027, 1, 4, 10));
        SlaCalculator.DueAt("1wd", At(2026, 12, 31, 10), SampleFiles.Calendar("cn-2026")).ShouldBe(At(2027, 1, 1, 10));
    }

    [Theory]
    [InlineData("90m", 2026, 10, 1, 11, 30)]
    [InlineData("5h", 2026, 10, 1, 15, 0)]
    [InlineData("2d", 2026, 10, 3, 10, 0)]
    public void Minutes_hours_and_calendar_days_ignore_the_holiday_calendar(string sla, int y, int mo, int d, int h, int mi)
    {
        SlaCalculator.DueAt(sla, At(2026, 10, 1, 10), China).ShouldBe(At(y, mo, d, h, mi));
    }

    [Theory]
    [InlineData("10x")]
    [InlineData("1.5h")]
    [InlineData("-1h")]
    [InlineData("10 m")]
    [InlineData("10M")]
    [InlineData("wd")]
    [InlineData("")]
    [InlineData("1h\n")]
    [InlineData("99999999999m")]
    [InlineData("251wd")]
    public void Bad_duration_text_is_rejected(string text)
    {
        Should.Throw<FormatException>(() => SlaCalculator.DueAt(text, At(2026, 3, 6, 10), China));
    }

    [Fact]
    public void Duration_text_round_trips_and_has_a_fixed_length_except_for_working_days()
    {
        DurationSpec.Parse("045m").Text.ShouldBe("45m");
        DurationSpec.Parse("3d").FixedLength.ShouldBe(TimeSpan.FromDays(3));
        DurationSpec.Parse("3wd").FixedLength.ShouldBeNull();
    }
}
