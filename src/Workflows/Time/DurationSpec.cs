using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cerebellum.Workflows;

/// <summary>
/// A duration as written in a definition (<c>10m</c>, <c>2h</c>, <c>3d</c>, <c>1wd</c>). It is
/// kept symbolic rather than converted to a TimeSpan because a working day has no fixed length:
/// the deadline depends on the start instant and the holiday calendar.
/// </summary>
public sealed partial record DurationSpec(int Amount, DurationUnit Unit)
{
    /// <summary>Upper bounds: one year in each unit, so arithmetic cannot overflow or loop long.</summary>
    private static readonly Dictionary<DurationUnit, int> MaximumAmount = new()
    {
        [DurationUnit.Minutes] = 525_600,
        [DurationUnit.Hours] = 8_760,
        [DurationUnit.Days] = 366,
        [DurationUnit.WorkingDays] = 250,
    };

    /// <summary>The canonical text, e.g. "10m" or "1wd".</summary>
    public string Text => Amount.ToString(CultureInfo.InvariantCulture) + Suffix(Unit);

    /// <summary>
    /// The length for units with a fixed length; null for working days. A calendar day is 24h
    /// because Asia/Shanghai has had no daylight-saving time since 1991.
    /// </summary>
    public TimeSpan? FixedLength => Unit switch
    {
        DurationUnit.Minutes => TimeSpan.FromMinutes(Amount),
        DurationUnit.Hours => TimeSpan.FromHours(Amount),
        DurationUnit.Days => TimeSpan.FromDays(Amount),
        _ => null,
    };

    public override string ToString() => Text;

    public static DurationSpec Parse(string text) =>
        TryParse(text, out var spec, out var error) ? spec : throw new FormatException(error);

    /// <summary>Parses without throwing; <paramref name="error"/> is an author-facing message.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DurationSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        var match = text is null ? null : Grammar().Match(text);
        if (match is null || !match.Success)
        {
            error = $"invalid duration '{text}': expected a whole number followed by m (minutes), h (hours), "
                + "d (calendar days) or wd (working days), e.g. 30m, 2h, 3d, 1wd";
            return false;
        }

        var unit = match.Groups["unit"].Value switch
        {
            "m" => DurationUnit.Minutes,
            "h" => DurationUnit.Hours,
            "d" => DurationUnit.Days,
            _ => DurationUnit.WorkingDays,
        };
        var maximum = MaximumAmount[unit];
        if (!int.TryParse(match.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount > maximum)
        {
            error = $"duration '{text}' is too long; at most {maximum}{Suffix(unit)} (one year)";
            return false;
        }

        spec = new DurationSpec(amount, unit);
        error = null;
        return true;
    }

    private static string Suffix(DurationUnit unit) => unit switch
    {
        DurationUnit.Minutes => "m",
        DurationUnit.Hours => "h",
        DurationUnit.Days => "d",
        _ => "wd",
    };

    [GeneratedRegex(@"^(?<amount>[0-9]+)(?<unit>m|h|d|wd)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
