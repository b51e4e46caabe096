using System.Globalization;
using Cerebellum.Rules.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Loading;

/// <summary>Typed reads of scalar values, each reporting a positioned diagnostic and returning null when wrong.</summary>
internal static class YamlValues
{
    public static string? Text(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        if (node is not YamlScalarNode scalar)
        {
            diagnostics.Add(node, $"Expected {what} to be a single value, not a {Kind(node)}.");
            return null;
        }

        // "key:" with nothing after it parses as an empty plain scalar: the author forgot the value.
        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            diagnostics.Add(node, $"{Capitalize(what)} is empty.");
            return null;
        }

        return scalar.Value;
    }

    public static int? Int(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        var text = Text(node, what, diagnostics);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        diagnostics.Add(node, $"Expected {what} to be a whole number, but found '{text}'.");
        return null;
    }

    /// <summary>A sequence of single values, e.g. a party list. Null when the node is not a sequence.</summary>
    public static List<YamlScalarNode>? ScalarList(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Add(node, $"Expected {what} to be a list such as [a, b], not a {Kind(node)}.");
            return null;
        }

        var items = new List<YamlScalarNode>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                items.Add(scalar);
            }
            else
            {
                diagnostics.Add(item, $"Each entry of {what} must be a single non-empty value.");
            }
        }

        return items;
    }

    /// <summary>Either { zh-CN: ..., en: ... } or one plain string used for both languages.</summary>
    public static LocalizedText? Localized(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        if (node is YamlScalarNode)
        {
            var text = Text(node, what, diagnostics);
            return text is null ? null : new LocalizedText(text, text);
        }

        var map = MappingReader.Open(node, what, diagnostics, "zh-CN", "en");
        if (map is null)
        {
            return null;
        }

        var zh = map.Required("zh-CN") is { } z ? Text(z, $"{what} (zh-CN)", diagnostics) : null;
        var en = map.Required("en") is { } e ? Text(e, $"{what} (en)", diagnostics) : null;
        return zh is null || en is null ? null : new LocalizedText(zh, en);
    }

    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        YamlScalarNode { Style: ScalarStyle.Plain } s when string.IsNullOrEmpty(s.Value) => "empty value",
        _ => "single value",
    };

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
