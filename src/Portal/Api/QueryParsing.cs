using System.Globalization;

namespace Cerebellum.Portal.Api;

/// <summary>Parses optional query-string values, collecting an error per bad field instead of throwing.</summary>
public sealed class QueryParsing(IQueryCollection query)
{
    public Dictionary<string, string[]> Errors { get; } = new();

    public string? Text(string name) => query[name] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;

    /// <summary>Enums are written kebab-case in the API (in-progress), matched without case or dashes.</summary>
    public TEnum? Enum<TEnum>(string name) where TEnum : struct, Enum
    {
        if (Text(name) is not { } text) return null;
        if (System.Enum.TryParse<TEnum>(text.Replace("-", ""), ignoreCase: true, out var value) && System.Enum.IsDefined(value)) return value;
        Errors[name] = [$"Unknown {name} '{text}'. Use one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(Kebab))}."];
        return null;
    }

    public DateTimeOffset? Instant(string name)
    {
        if (Text(name) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        Errors[name] = [$"{name} must be an ISO 8601 date or instant."];
        return null;
    }

    public bool? Flag(string name)
    {
        if (Text(name) is not { } text) return null;
        if (bool.TryParse(text, out var flag)) return flag;
        Errors[name] = [$"{name} must be true or false."];
        return null;
    }

    public int Number(string name, int fallback, int min, int max)
    {
        if (Text(name) is not { } text) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Errors[name] = [$"{name} must be a whole number from {min} to {max}."];
        return fallback;
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
