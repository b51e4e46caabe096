using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Engine.Intake.Vendors.Loading;

/// <summary>YAML reading with positions, in the manner of src/Workflows/Yaml: the representation model
/// keeps a start mark on every node; closed key sets catch misspelt keys; errors are collected, not thrown.</summary>
internal sealed class ProfileYaml(string file)
{
    private readonly List<ProfileDiagnostic> items = [];

    public IReadOnlyList<ProfileDiagnostic> Sorted() => [.. items.OrderBy(d => d.Line).ThenBy(d => d.Column)];
    public bool HasErrors => items.Count > 0;
    public int Count => items.Count;

    public void Add(Mark mark, string field, string message) =>
        items.Add(new ProfileDiagnostic(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), field, message));

    public void Add(YamlNode node, string field, string message) => Add(node.Start, field, message);

    public YamlMappingNode? Root(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            Add(e.Start, "(syntax)", "YAML syntax error: " + e.Message);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // As in src/Workflows/Yaml: YamlDotNet's scanner sometimes fails on an unclosed '[' or '{'
            // without a position; report the last point that did parse.
            Add(LastGoodMark(text), "(syntax)", "YAML syntax error: the text cannot be read past this point; an unclosed '{', '[' or quote is a common cause");
            return null;
        }
        if (stream.Documents.Count == 0) { Add(Mark.Empty, "(file)", "the file is empty; expected a vendor profile"); return null; }
        if (stream.Documents[0].RootNode is YamlMappingNode root) return root;
        Add(stream.Documents[0].RootNode, "(file)", "expected a vendor profile (a mapping of keys to values) at the top level");
        return null;
    }

    private static Mark LastGoodMark(string text)
    {
        var parser = new Parser(new StringReader(text));
        var mark = Mark.Empty;
        try
        {
            while (parser.MoveNext()) mark = parser.Current?.End ?? mark;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Expected: this is the failure being located.
        }
        return mark;
    }

    /// <summary>The children of a mapping by key; unknown keys are reported, with a hint for case slips.</summary>
    public Dictionary<string, YamlNode> Keys(YamlMappingNode node, string field, params string[] allowed)
    {
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (allowed.Contains(key)) { values[key] = value; continue; }
            var hint = allowed.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) is { } k2 ? $" (did you mean '{k2}'?)" : "";
            Add(keyNode, Join(field, key), $"unknown key '{key}'{hint}; expected one of: {string.Join(", ", allowed)}");
        }
        return values;
    }

    public string? Text(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)
            && !(node is YamlScalarNode { Style: ScalarStyle.Plain } && value is "~" or "null")) return value;
        Add(node, field, node is YamlScalarNode ? "must not be empty" : "must be a single value, not a list or mapping");
        return null;
    }

    public YamlMappingNode? Mapping(YamlNode node, string field)
    {
        if (node is YamlMappingNode m) return m;
        Add(node, field, "must be a mapping of keys to values");
        return null;
    }

    /// <summary>A list of values; a single value is accepted as a list of one.</summary>
    public List<string> List(YamlNode node, string field)
    {
        if (node is YamlScalarNode) return Text(node, field) is { } one ? [one] : [];
        if (node is not YamlSequenceNode seq) { Add(node, field, "must be a list"); return []; }
        return seq.Children.Select((c, i) => Text(c, $"{field}[{i}]")).OfType<string>().ToList();
    }

    public static string Join(string parent, string key) => parent == "" ? key : $"{parent}.{key}";
}
