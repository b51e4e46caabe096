using NodaTime;

namespace Cerebellum.Workflows;

/// <summary>
/// Local civil time for deadlines. Working days and calendar days are questions about dates
/// on the wall in the community, which is in China, so they are answered in Asia/Shanghai
/// whatever offset the caller's instant carries.
/// </summary>
internal static class LocalClock
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static LocalDateTime ToLocal(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone).LocalDateTime;

    /// <summary>
    /// Converts back, keeping the caller's offset so results compare and print naturally next
    /// to the input. Leniently: Shanghai has no gaps today, but tzdb has them in 1986–1991.
    /// </summary>
    public static DateTimeOffset FromLocal(LocalDateTime local, TimeSpan offset) =>
        Zone.AtLeniently(local).ToDateTimeOffset().ToOffset(offset);
}
