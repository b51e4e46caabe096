using System.Globalization;

namespace Cerebellum.Testing;

/// <summary>Times relative to now, so tests keep passing on any date (intake refuses items more than
/// 30 days old or an hour in the future).</summary>
public static class TestTimes
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The latest instant not after now at the given Asia/Shanghai wall-clock time.</summary>
    public static DateTimeOffset LastLocal(int hour, int minute = 0)
    {
        var local = DateTimeOffset.UtcNow.ToOffset(China);
        var at = new DateTimeOffset(local.Year, local.Month, local.Day, hour, minute, 0, China);
        return at > local ? at.AddDays(-1) : at;
    }

    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
