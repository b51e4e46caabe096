using System.Globalization;

namespace Cerebellum.Engine.Intake.Vendors;

/// <summary>The time formats vendors use. A local time without an offset is only accepted with the
/// profile's time zone: guessing the server's zone would shift every alarm by hours.</summary>
public static class TimeParsing
{
    public static bool TryParse(string text, TimeRule rule, out DateTimeOffset at, out string? problem)
    {
        problem = null;
        at = default;
        switch (rule.Format)
        {
            case TimeFormat.UnixSeconds or TimeFormat.UnixMilliseconds:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    problem = $"expected a unix time in {(rule.Format == TimeFormat.UnixSeconds ? "seconds" : "milliseconds")}, not '{text}'.";
                    return false;
                }
                try
                {
                    at = rule.Format == TimeFormat.UnixSeconds
                        ? DateTimeOffset.FromUnixTimeSeconds(number)
                        : DateTimeOffset.FromUnixTimeMilliseconds(number);
                }
                catch (ArgumentOutOfRangeException)
                {
                    problem = $"the unix time {text} is out of range.";
                    return false;
                }
                if (rule.TimeZone is { } zone) at = TimeZoneInfo.ConvertTime(at, zone);
                return true;

            case TimeFormat.Iso:
                if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso))
                {
                    problem = $"expected ISO 8601, e.g. 2026-11-28T03:12:00+08:00, not '{text}'.";
                    return false;
                }
                return FromParsed(iso, text, rule.TimeZone, out at, out problem);

            default:
                if (rule.Pattern!.Contains('z') || rule.Pattern.Contains('K'))
                {
                    if (DateTimeOffset.TryParseExact(text, rule.Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out at)) return true;
                    problem = $"expected the format '{rule.Pattern}', not '{text}'.";
                    return false;
                }
                if (!DateTime.TryParseExact(text, rule.Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    problem = $"expected the format '{rule.Pattern}', not '{text}'.";
                    return false;
                }
                return FromParsed(local, text, rule.TimeZone, out at, out problem);
        }
    }

    private static bool FromParsed(DateTime parsed, string text, TimeZoneInfo? zone, out DateTimeOffset at, out string? problem)
    {
        problem = null;
        at = default;
        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            // The text carried an offset or Z: it is an instant; re-read it as one to keep the offset.
            at = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
            return true;
        }
        if (zone is null)
        {
            problem = $"'{text}' has no offset and the profile names no timeZone.";
            return false;
        }
        if (zone.IsInvalidTime(parsed))
        {
            problem = $"'{text}' does not exist in {zone.Id} (clocks moved forward).";
            return false;
        }
        at = new DateTimeOffset(parsed, zone.GetUtcOffset(parsed));
        return true;
    }
}
