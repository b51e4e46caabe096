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

    /// <summary>The instant sample vendor messages in tests are written with (03:12 Beijing time).</summary>
    public const string SampleIso = "2026-11-28T03:12:00+08:00";
    public const string SampleLocal = "2026-11-28 03:12:00";

    /// <summary>The latest 03:12 Beijing time: what <see cref="Fresh"/> puts in place of the sample instant.</summary>
    public static DateTimeOffset SampleRecent => LastLocal(3, 12);

    /// <summary>The same message as written, but with the sample instant moved to the latest 03:12, so
    /// it passes intake's freshness check on any date.</summary>
    public static string Fresh(string message) => message
        .Replace(SampleIso, Iso(SampleRecent))
        .Replace(SampleLocal, SampleRecent.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
}
