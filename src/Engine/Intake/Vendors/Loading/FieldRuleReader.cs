using System.Text.RegularExpressions;
using Cerebellum.Engine.Intake.Signals;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Engine.Intake.Vendors.Loading;

/// <summary>Reads one field rule: either a bare path (<c>messageId: eventId</c>) or a mapping with
/// <c>path</c> or <c>value</c>, and optional <c>map</c> and <c>default</c> (plus <c>format</c> and
/// <c>timeZone</c> for occurredAt).</summary>
internal static partial class FieldRuleReader
{
    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex KindPattern();

    public static FieldRule? Read(ProfileYaml yaml, YamlNode node, string field, params string[] extraKeys)
    {
        if (node is YamlScalarNode)
            return yaml.Text(node, field) is { } text && Path(yaml, node, field, text) is { } p ? new FieldRule(p, null, null, null) : null;
        if (yaml.Mapping(node, field) is not { } mapping) return null;

        var keys = yaml.Keys(mapping, field, ["path", "value", "map", "default", .. extraKeys]);
        var before = yaml.Count;
        JsonPath? path = null;
        string? constant = null;
        if (keys.TryGetValue("path", out var pathNode) && yaml.Text(pathNode, field + ".path") is { } pathText)
            path = Path(yaml, pathNode, field + ".path", pathText);
        if (keys.TryGetValue("value", out var valueNode)) constant = yaml.Text(valueNode, field + ".value");
        if (keys.ContainsKey("path") == keys.ContainsKey("value"))
            yaml.Add(mapping, field, "give exactly one of 'path' (where the vendor JSON has it) or 'value' (a constant)");

        Dictionary<string, string>? map = null;
        if (keys.TryGetValue("map", out var mapNode) && yaml.Mapping(mapNode, field + ".map") is { } m)
        {
            map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in m.Children)
                if (yaml.Text(k, field + ".map") is { } from && yaml.Text(v, $"{field}.map.{from}") is { } to)
                    if (!map.TryAdd(from, to)) yaml.Add(k, $"{field}.map.{from}", "this vendor value is mapped twice");
                    else CheckValue(yaml, v, field, to, $"{field}.map.{from}");
            if (map.Count == 0) yaml.Add(mapNode, field + ".map", "an empty map maps nothing; remove it or list the vendor values");
        }
        string? fallback = null;
        if (keys.TryGetValue("default", out var defaultNode) && yaml.Text(defaultNode, field + ".default") is { } d)
        {
            fallback = d;
            CheckValue(yaml, defaultNode, field, d, field + ".default");
        }
        if (constant is not null) CheckValue(yaml, valueNode!, field, constant, field + ".value");
        return yaml.Count > before ? null : new FieldRule(path, constant, map, fallback);
    }

    // Values we produce ourselves (map targets, constants, defaults) are checked now, not per message.
    private static void CheckValue(ProfileYaml yaml, YamlNode node, string field, string value, string at)
    {
        field = field.Split('.')[^1];
        if (field == "kind" && !KindPattern().IsMatch(value))
            yaml.Add(node, at, $"'{value}' is not a signal kind: lowercase letters, digits and dashes, e.g. smoke, water-leak");
        if (field == "severity" && !(int.TryParse(value, out var s) && s is >= 0 and <= 5))
            yaml.Add(node, at, $"'{value}' is not a severity: a whole number from 0 to 5");
        if (value.Length > SignalValidation.MaxIdLength)
            yaml.Add(node, at, $"at most {SignalValidation.MaxIdLength} characters");
    }

    private static JsonPath? Path(ProfileYaml yaml, YamlNode node, string field, string text)
    {
        var path = JsonPath.TryParse(text, out var error);
        if (path is null) yaml.Add(node, field, $"'{text}' is not a field path: {error}; write e.g. data.events[0].code");
        return path;
    }
}
