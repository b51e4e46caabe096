using System.Globalization;

namespace Cerebellum.Rules.BackTesting;

/// <summary>
/// Range bounds as people write them: a date (<c>2026-10-01</c>, midnight in Asia/Shanghai, the offices' day) or an
/// ISO 8601 instant with an offset (<c>2026-10-01T08:00:00+08:00</c>).
/// </summary>
public static class BackTestDates
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            at = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), China);
            return true;
        }
        // An instant must say its offset: "10:00" alone would mean different things on different servers.
        return text.Length > 10 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }
}
