namespace Cerebellum.Workflows.Tests;

public class CalendarDiagnosticsTests
{
    //  1 calendar  2 year  3 holidays  4-6 National Day  7 makeUpWorkdays  8 one day
    private const string Valid = """
        calendar: test
        year: 2026
        holidays:
          - name: National Day
            from: 2026-10-01
            to: 2026-10-07
        makeUpWorkdays:
          - { date: 2026-10-10, for: National Day }
        """;

    [Fact]
    public void The_base_text_is_valid()
    {
        var calendar = HolidayCalendar.Load(Valid, "cal.yaml");

        calendar.Name.ShouldBe("test");
        calendar.IsWorkingDay(new DateOnly(2026, 10, 10)).ShouldBeTrue();
        calendar.IsWorkingDay(new DateOnly(2026, 10, 7)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-10-10", "2026-10-12", 8, 13, "make-up working day 2026-10-12 is a Monday; only a Saturday or Sunday can be made a working day")]
    [InlineData("2026-10-10", "2026-10-04", 8, 13, "make-up working day 2026-10-04 falls inside holiday 'National Day'")]
    [InlineData("2026-10-10", "10/10/2026", 8, 13, "date must be a date written yyyy-MM-dd, not '10/10/2026'")]
    [InlineData("to: 2026-10-07", "to: 2026-09-07", 6, 9, "holiday 'National Day': 'to' must be on or after 'from'")]
    [InlineData("from: 2026-10-01", "form: 2026-10-01", 5, 5, "holiday: unknown key 'form'")]
    [InlineData("from: 2026-10-01", "form: 2026-10-01", 4, 5, "holiday: missing required key 'from'")]
    [InlineData("year: 2026", "year: next", 2, 7, "year must be a whole number, not 'next'")]
    [InlineData("calendar: test\n", "", 1, 1, "calendar: missing required key 'calendar'")]
    [InlineData(", for: National Day }", " }", 8, 5, "make-up working day: missing required key 'for'")]
    [InlineData("year: 2026", "year: 2026\nprovisional: maybe", 3, 14, "provisional must be true or false, not 'maybe'")]
    [InlineData("holidays:", "holidays: [", 4, 3, "YAML syntax error:")]
    public void Each_problem_is_reported_where_it_is(string find, string replace, int line, int column, string message)
    {
        Valid.ShouldContain(find);

        var ex = Should.Throw<WorkflowLoadException>(() => HolidayCalendar.Load(Valid.Replace(find, replace, StringComparison.Ordinal), "cal.yaml"));

        ex.Diagnostics.ShouldContain(
            d => d.Line == line && d.Column == column && d.Message.StartsWith(message, StringComparison.Ordinal),
            "got:\n" + string.Join("\n", ex.Diagnostics));
        ex.Diagnostics.ShouldAllBe(d => d.File == "cal.yaml");
    }

    [Fact]
    public void Overlapping_holidays_are_reported_at_the_second_block()
    {
        var yaml = Valid.Replace(
            "makeUpWorkdays:",
            "  - name: Mid-Autumn\n    from: 2026-09-25\n    to: 2026-10-02\nmakeUpWorkdays:",
            StringComparison.Ordinal);

        var ex = Should.Throw<WorkflowLoadException>(() => HolidayCalendar.Load(yaml, "cal.yaml"));

        ex.Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "cal.yaml(7,5): holiday 'Mid-Autumn': 2026-10-01 is already listed under 'National Day'",
            "cal.yaml(7,5): holiday 'Mid-Autumn': 2026-10-02 is already listed under 'National Day'",
        ]);
    }
}
