using Microsoft.Extensions.Localization;
using Cerebellum.Portal.Resources;

namespace Cerebellum.Portal.Components.Shared;

/// <summary>How times and codes are shown: China Standard Time (no daylight saving, so a fixed +08:00 is exact).</summary>
public static class Display
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Local(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss");

    public static string Short(DateTimeOffset at) => at.ToOffset(China).ToString("MM-dd HH:mm");

    public static string Remaining(IStringLocalizer<SharedResource> l, DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        var minutes = (int)Math.Ceiling(Math.Abs(left.TotalMinutes));
        var text = minutes >= 120 ? l["Hours", minutes / 60] : l["Minutes", minutes];
        return left >= TimeSpan.Zero ? l["DueIn", text] : l["Overdue", text];
    }

    /// <summary>A redacted value as shown: the markers of withheld and erased data in the viewer's language.</summary>
    public static string Shown(IStringLocalizer<SharedResource> l, string? text) =>
        text is null ? ""
        : text.StartsWith("[withheld", StringComparison.Ordinal) ? l["Privacy_Withheld"]
        : text == Cerebellum.Engine.Privacy.Erasure.Marker ? l["Privacy_Erased"]
        : text;

    /// <summary>Localized name for a code (kind, category, party), falling back to the code itself.</summary>
    public static string Code(IStringLocalizer<SharedResource> l, string prefix, string code)
    {
        var text = l[$"{prefix}_{code}"];
        return text.ResourceNotFound ? code : text.Value;
    }
}
