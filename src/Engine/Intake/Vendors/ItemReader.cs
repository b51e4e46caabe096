using System.Globalization;
using System.Text.Json;

namespace Cerebellum.Engine.Intake.Vendors;

/// <summary>Reads our fields from one vendor item by their rules, recording where each came from and
/// reporting errors at the vendor's path.</summary>
internal sealed class ItemReader(JsonElement root, JsonElement item, string prefix,
    Dictionary<string, string[]> errors, Dictionary<string, string> paths)
{
    private string VendorPath(JsonPath path) => path.FromRoot ? path.Text : prefix + path.Text;

    public string? Text(string field, FieldRule? rule)
    {
        if (rule is null) return null;
        if (rule.Constant is not null) return rule.Constant;
        var at = VendorPath(rule.Path!);
        paths[field] = at;
        var element = rule.Path!.Select(root, item);
        if (element is null) return rule.Default;
        if (element.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            errors[at] = [$"Expected a single value for {field}, found {element.Value.ValueKind.ToString().ToLowerInvariant()}."];
            return null;
        }
        var text = element.Value.ValueKind == JsonValueKind.String ? element.Value.GetString()! : element.Value.GetRawText();
        if (rule.Map is null) return text;
        if (rule.Map.TryGetValue(text, out var mapped)) return mapped;
        if (rule.Default is not null) return rule.Default;
        errors[at] = [$"The value '{Shorten(text)}' has no mapping to {field}; known: {string.Join(", ", rule.Map.Keys)}."];
        return null;
    }

    public string? Required(string field, FieldRule rule)
    {
        var before = errors.Count;
        var text = Text(field, rule);
        if (text is null && errors.Count == before) Missing(field, rule);
        return text;
    }

    public void Missing(string field, FieldRule? rule) =>
        errors[rule?.Path is { } p ? VendorPath(p) : prefix + field] = [$"Missing: {field} is read from here."];

    public int? Integer(string field, FieldRule? rule)
    {
        var text = Text(field, rule);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors[paths.GetValueOrDefault(field, prefix + field)] = [$"{field} must be a whole number, not '{Shorten(text)}'."];
        return null;
    }

    public DateTimeOffset? Time(string field, TimeRule rule)
    {
        var before = errors.Count;
        var text = Text(field, rule.Value);
        if (text is null)
        {
            if (errors.Count == before) Missing(field, rule.Value);
            return null;
        }
        if (TimeParsing.TryParse(text, rule, out var at, out var problem)) return at;
        errors[paths.GetValueOrDefault(field, prefix + field)] = [$"{field}: {problem}"];
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
