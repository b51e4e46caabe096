using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Engine.Intake.Vendors.Loading;

/// <summary>occurredAt: a field rule plus <c>format</c> (iso, unix-seconds, unix-ms or a .NET pattern such
/// as "yyyy-MM-dd HH:mm:ss") and <c>timeZone</c> (an IANA id), required when the format has no offset.</summary>
internal static class TimeRuleReader
{
    public static TimeRule? Read(ProfileYaml yaml, YamlNode node, string field)
    {
        var before = yaml.Count;
        var value = FieldRuleReader.Read(yaml, node, field, "format", "timeZone");
        var keys = node is YamlMappingNode m ? m.Children.Where(c => c.Key is YamlScalarNode).ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => c.Value) : [];

        var format = TimeFormat.Iso;
        string? pattern = null;
        if (keys.TryGetValue("format", out var formatNode) && yaml.Text(formatNode, field + ".format") is { } f)
        {
            (format, pattern) = f switch
            {
                "iso" => (TimeFormat.Iso, null),
                "unix-seconds" => (TimeFormat.UnixSeconds, null),
                "unix-ms" => (TimeFormat.UnixMilliseconds, null),
                _ => (TimeFormat.Pattern, f),
            };
            if (pattern is not null && !IsPattern(pattern))
                yaml.Add(formatNode, field + ".format", $"'{f}' is neither iso, unix-seconds, unix-ms nor a date pattern like yyyy-MM-dd HH:mm:ss");
        }

        TimeZoneInfo? zone = null;
        if (keys.TryGetValue("timeZone", out var zoneNode) && yaml.Text(zoneNode, field + ".timeZone") is { } z)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(z, out zone))
                yaml.Add(zoneNode, field + ".timeZone", $"unknown time zone '{z}'; use an IANA id such as Asia/Shanghai");
        }
        else if (format == TimeFormat.Pattern && !(pattern!.Contains('z') || pattern.Contains('K')))
            yaml.Add(formatNode!, field + ".format", $"the format '{pattern}' has no offset, so the profile needs a timeZone (e.g. Asia/Shanghai)");

        return yaml.Count > before || value is null ? null : new TimeRule(value, format, pattern, zone);
    }

    // A usable pattern formats a known instant and reads it back.
    private static bool IsPattern(string pattern)
    {
        try
        {
            var sample = new DateTimeOffset(2026, 11, 28, 3, 12, 45, TimeSpan.FromHours(8));
            var text = sample.ToString(pattern, CultureInfo.InvariantCulture);
            var hasDate = pattern.Contains("yy") && pattern.Contains('d');
            var hasHour = pattern.Contains('H') || pattern.Contains('h');
            return hasDate && hasHour && DateTime.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
