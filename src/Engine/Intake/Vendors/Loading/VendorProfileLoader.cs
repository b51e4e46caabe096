using System.Text.RegularExpressions;
using Cerebellum.Engine.Intake.Mqtt;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Engine.Intake.Vendors.Loading;

/// <summary>The outcome of loading one profile: a profile and no diagnostics, or diagnostics and no profile.</summary>
public sealed record VendorProfileLoadResult(VendorProfile? Profile, IReadOnlyList<ProfileDiagnostic> Diagnostics);

/// <summary>Parses and validates a vendor profile (docs/gateways.md). Never throws on bad input.</summary>
public static partial class VendorProfileLoader
{
    private static readonly string[] TopLevelKeys = ["vendor", "title", "match", "batch", "fields"];
    private static readonly string[] FieldKeys = ["source", "messageId", "deviceId", "kind", "occurredAt", "severity", "location"];

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex IdPattern();

    public static VendorProfileLoadResult Load(string text, string file)
    {
        var yaml = new ProfileYaml(file);
        var profile = yaml.Root(text) is { } root ? Read(yaml, root, file) : null;
        return yaml.HasErrors ? new VendorProfileLoadResult(null, yaml.Sorted()) : new VendorProfileLoadResult(profile, []);
    }

    private static VendorProfile? Read(ProfileYaml yaml, YamlMappingNode root, string file)
    {
        var top = yaml.Keys(root, "", TopLevelKeys);
        string? Need(string key) =>
            top.TryGetValue(key, out var n) ? yaml.Text(n, key) : Missing(yaml, root, key);

        var id = Need("vendor");
        if (id is not null && !IdPattern().IsMatch(id))
            yaml.Add(top["vendor"], "vendor", $"'{id}' is not a profile id: lowercase letters, digits and dashes");
        var title = Need("title");
        var match = top.TryGetValue("match", out var matchNode) ? ReadMatch(yaml, matchNode) : new ProfileMatch([], null, []);

        JsonPath? batch = null;
        if (top.TryGetValue("batch", out var batchNode) && yaml.Text(batchNode, "batch") is { } batchText)
        {
            batch = JsonPath.TryParse(batchText, out var error);
            if (batch is null) yaml.Add(batchNode, "batch", $"'{batchText}' is not a field path: {error}");
        }

        FieldRules? fields = null;
        if (!top.TryGetValue("fields", out var fieldsNode)) Missing(yaml, root, "fields");
        else if (yaml.Mapping(fieldsNode, "fields") is { } f) fields = ReadFields(yaml, f);

        return yaml.HasErrors ? null : new VendorProfile(id!, title!, match, batch, fields!, file);
    }

    private static ProfileMatch ReadMatch(ProfileYaml yaml, YamlNode node)
    {
        if (yaml.Mapping(node, "match") is not { } m) return new ProfileMatch([], null, []);
        var keys = yaml.Keys(m, "match", "gateways", "route", "topics");
        var gateways = keys.TryGetValue("gateways", out var g) ? yaml.List(g, "match.gateways") : [];
        var route = keys.TryGetValue("route", out var r) ? yaml.Text(r, "match.route") : null;
        if (route is not null && !IdPattern().IsMatch(route))
            yaml.Add(r!, "match.route", $"'{route}' is not a route name: lowercase letters, digits and dashes");
        var topics = keys.TryGetValue("topics", out var t) ? yaml.List(t, "match.topics") : [];
        foreach (var (topic, i) in topics.Select((x, i) => (x, i)))
            if (MqttTopicFilter.Problem(topic) is { } problem)
                yaml.Add(t is YamlSequenceNode s ? s.Children[i] : t!, $"match.topics[{i}]", problem);
        return new ProfileMatch(gateways, route, topics);
    }

    private static FieldRules? ReadFields(ProfileYaml yaml, YamlMappingNode node)
    {
        var keys = yaml.Keys(node, "fields", FieldKeys);
        FieldRule? Optional(string key) => keys.TryGetValue(key, out var n) ? FieldRuleReader.Read(yaml, n, "fields." + key) : null;
        FieldRule? Required(string key)
        {
            if (keys.TryGetValue(key, out var n)) return FieldRuleReader.Read(yaml, n, "fields." + key);
            Missing(yaml, node, "fields." + key);
            return null;
        }

        var messageId = Required("messageId");
        var kind = Required("kind");
        TimeRule? occurredAt = null;
        if (keys.TryGetValue("occurredAt", out var at)) occurredAt = TimeRuleReader.Read(yaml, at, "fields.occurredAt");
        else Missing(yaml, node, "fields.occurredAt");

        FieldRule? compound = null, building = null, unit = null;
        if (keys.TryGetValue("location", out var locationNode) && yaml.Mapping(locationNode, "fields.location") is { } location)
        {
            var loc = yaml.Keys(location, "fields.location", "compound", "building", "unit");
            compound = loc.TryGetValue("compound", out var c) ? FieldRuleReader.Read(yaml, c, "fields.location.compound") : null;
            building = loc.TryGetValue("building", out var b) ? FieldRuleReader.Read(yaml, b, "fields.location.building") : null;
            unit = loc.TryGetValue("unit", out var u) ? FieldRuleReader.Read(yaml, u, "fields.location.unit") : null;
        }
        return new FieldRules(Optional("source"), messageId!, Optional("deviceId"), kind!, occurredAt!,
            Optional("severity"), compound, building, unit);
    }

    private static string? Missing(ProfileYaml yaml, YamlNode node, string key)
    {
        yaml.Add(node, key, $"missing required key '{key.Split('.')[^1]}'");
        return null;
    }
}
