using Cerebellum.Workflows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows;

/// <summary>
/// Reads a holiday calendar file (see samples/calendars/cn-2026.yaml and docs/workflows.md).
/// Holidays are ranges because that is how the State Council notice states them
/// ("10月1日至7日放假调休，共7天"); make-up working days are single dates.
/// </summary>
internal static class HolidayCalendarParser
{
    private const int LongestHoliday = 31;

    public static HolidayCalendar Parse(string yamlText, string fileName)
    {
        var bag = new DiagnosticBag(fileName);
        var root = YamlDocumentReader.ReadRootMapping(yamlText, bag, "holiday calendar");
        var holidays = new Dictionary<DateOnly, string>();
        var workdays = new Dictionary<DateOnly, string>();
        string? name = null;
        int? year = null;
        var provisional = false;
        if (root is not null)
        {
            var map = new MappingReader(root, bag, "calendar", "calendar", "year", "provisional", "source", "holidays", "makeUpWorkdays");
            name = map.Required("calendar") is { } n ? ScalarReader.Text(n, bag, "calendar") : null;
            year = map.Required("year") is { } y ? ScalarReader.Integer(y, bag, "year") : null;
            provisional = map.Optional("provisional") is { } p && ScalarReader.Boolean(p, bag, "provisional") == true;
            if (map.Optional("source") is { } source)
            {
                ScalarReader.Text(source, bag, "source");
            }

            if (map.Required("holidays") is { } h && ScalarReader.Sequence(h, bag, "holidays") is { } list)
            {
                foreach (var item in list)
                {
                    ReadHoliday(item, bag, holidays);
                }
            }

            if (map.Optional("makeUpWorkdays") is { } w && ScalarReader.Sequence(w, bag, "makeUpWorkdays") is { } days)
            {
                foreach (var item in days)
                {
                    ReadWorkday(item, bag, holidays, workdays);
                }
            }
        }

        if (bag.HasErrors || name is null || year is null)
        {
            throw new WorkflowLoadException(bag.Sorted());
        }

        return new HolidayCalendar(name, holidays, workdays, [year.Value], provisional);
    }

    private static void ReadHoliday(YamlNode item, DiagnosticBag bag, Dictionary<DateOnly, string> holidays)
    {
        if (ScalarReader.Mapping(item, bag, "a holiday") is not { } node)
        {
            return;
        }

        var map = new MappingReader(node, bag, "holiday", "name", "from", "to");
        var name = map.Required("name") is { } n ? ScalarReader.Text(n, bag, "holiday name") : null;
        var from = map.Required("from") is { } f ? ScalarReader.Date(f, bag, "from") : null;
        var toNode = map.Optional("to");
        var to = toNode is null ? from : ScalarReader.Date(toNode, bag, "to");
        if (name is null || from is not { } first || to is not { } last)
        {
            return;
        }

        if (last < first || last.DayNumber - first.DayNumber >= LongestHoliday)
        {
            bag.Add(toNode ?? node, $"holiday '{name}': 'to' must be on or after 'from' and within {LongestHoliday} days of it");
            return;
        }

        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (!holidays.TryAdd(date, name))
            {
                bag.Add(node, $"holiday '{name}': {date:O} is already listed under '{holidays[date]}'");
            }
        }
    }

    private static void ReadWorkday(YamlNode item, DiagnosticBag bag, Dictionary<DateOnly, string> holidays, Dictionary<DateOnly, string> workdays)
    {
        if (ScalarReader.Mapping(item, bag, "a make-up working day") is not { } node)
        {
            return;
        }

        var map = new MappingReader(node, bag, "make-up working day", "date", "for");
        var dateNode = map.Required("date");
        var date = dateNode is null ? null : ScalarReader.Date(dateNode, bag, "date");
        var reason = map.Required("for") is { } r ? ScalarReader.Text(r, bag, "for") : null;
        if (date is not { } day || dateNode is null || reason is null)
        {
            return;
        }

        // A weekday is a working day anyway; listing one means the author mistyped a date.
        if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            bag.Add(dateNode, $"make-up working day {day:O} is a {day.DayOfWeek}; only a Saturday or Sunday can be made a working day");
        }
        else if (holidays.TryGetValue(day, out var holiday))
        {
            bag.Add(dateNode, $"make-up working day {day:O} falls inside holiday '{holiday}'");
        }
        else if (!workdays.TryAdd(day, reason))
        {
            bag.Add(dateNode, $"make-up working day {day:O} is listed twice");
        }
    }
}
