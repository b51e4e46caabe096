namespace Cerebellum.Rules.Tests;

public class ClockFactTests
{
    [Fact]
    public void Converts_an_instant_to_Shanghai_local_time()
    {
        // 19:30 UTC on Tuesday 2025-01-07 is 03:30 on Wednesday in Shanghai.
        var clock = ClockFact.At(new DateTimeOffset(2025, 1, 7, 19, 30, 0, TimeSpan.Zero));

        clock.Hour.ShouldBe(3);
        clock.Minute.ShouldBe(30);
        clock.DayOfWeek.ShouldBe(3);
        clock.IsNight.ShouldBeTrue();
        clock.IsWorkingDay.ShouldBeTrue();
        clock.IsHoliday.ShouldBeFalse();
    }

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]
    public void Night_is_from_22_to_6(int hour, int minute, bool night)
    {
        var clock = ClockFact.At(new DateTimeOffset(2025, 3, 10, hour, minute, 0, TimeSpan.FromHours(8)));

        clock.IsNight.ShouldBe(night);
    }

    [Fact]
    public void Weekend_is_not_a_working_day_by_default()
    {
        var saturday = ClockFact.At(new DateTimeOffset(2025, 3, 15, 10, 0, 0, TimeSpan.FromHours(8)));

        saturday.DayOfWeek.ShouldBe(6);
        saturday.IsWorkingDay.ShouldBeFalse();
    }

    [Fact]
    public void Calendar_functions_receive_the_local_date()
    {
        // National Day 2025-10-01 in Shanghai is still 2025-09-30 in UTC; a make-up working Sunday on 2025-09-28.
        var received = new List<DateOnly>();
        var holiday = ClockFact.At(new DateTimeOffset(2025, 9, 30, 17, 0, 0, TimeSpan.Zero),
            isHoliday: d => { received.Add(d); return d == new DateOnly(2025, 10, 1); });
        var makeUpDay = ClockFact.At(new DateTimeOffset(2025, 9, 28, 9, 0, 0, TimeSpan.FromHours(8)),
            isWorkingDay: d => d == new DateOnly(2025, 9, 28));

        received.ShouldBe([new DateOnly(2025, 10, 1)]);
        holiday.IsHoliday.ShouldBeTrue();
        holiday.IsWorkingDay.ShouldBeFalse();
        makeUpDay.DayOfWeek.ShouldBe(7);
        makeUpDay.IsWorkingDay.ShouldBeTrue();
    }
}
