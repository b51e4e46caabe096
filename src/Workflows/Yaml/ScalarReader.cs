using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows.Yaml;

/// <summary>
/// Typed reads of YAML values. Each method reports a diagnostic at the value's position and
/// returns null when the value is unusable, so callers keep going and collect more errors.
/// </summary>
internal static class ScalarReader
{
    public static string? Text(YamlNode node, DiagnosticBag bag, string what)
    {
        if (node is not YamlScalarNode scalar)
        {
            bag.Add(node, $"{what} must be a single value, not a list or mapping");
            return null;
        }

        if (IsNull(scalar))
        {
            bag.Add(node, $"{what} must not be empty");
            return null;
        }

        return scalar.Value;
    }

    public static int? Integer(YamlNode node, DiagnosticBag bag, string what)
    {
        var text = Text(node, bag, what);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        bag.Add(node, $"{what} must be a whole number, not '{text}'");
        return null;
    }

    public static bool? Boolean(YamlNode node, DiagnosticBag bag, string what)
    {
        var text = Text(node, bag, what);
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                // YAML 1.1 also allows yes/no/on/off; accepting only true/false avoids the
                // "Norway problem" and keeps files unambiguous.
                bag.Add(node, $"{what} must be true or false, not '{text}'");
                return null;
        }
    }

    public static DateOnly? Date(YamlNode node, DiagnosticBag bag, string what)
    {
        var text = Text(node, bag, what);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        bag.Add(node, $"{what} must be a date written yyyy-MM-dd, not '{text}'");
        return null;
    }

    public static T? Name<T>(YamlNode node, DiagnosticBag bag, string what)
        where T : struct, Enum
    {
        var text = Text(node, bag, what);
        if (text is null)
        {
            return null;
        }

        if (YamlNames.TryParse<T>(text, out var value))
        {
            return value;
        }

        bag.Add(node, $"unknown {what} '{text}'; expected one of: {string.Join(", ", YamlNames.All<T>())}");
        return null;
    }

    public static YamlMappingNode? Mapping(YamlNode node, DiagnosticBag bag, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        bag.Add(node, $"{what} must be a mapping of keys to values");
        return null;
    }

    public static YamlSequenceNode? Sequence(YamlNode node, DiagnosticBag bag, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        bag.Add(node, $"{what} must be a list");
        return null;
    }

    // "~" or "null" written without quotes is YAML's null; a blank string (quoted or not)
    // is no better as an id, key or date, so both count as empty.
    private static bool IsNull(YamlScalarNode scalar) =>
        string.IsNullOrWhiteSpace(scalar.Value)
        || (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
            && scalar.Value is "~" or "null" or "Null" or "NULL");
}
