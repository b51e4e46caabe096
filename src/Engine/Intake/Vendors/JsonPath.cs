using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cerebellum.Engine.Intake.Vendors;

/// <summary>A JSONPath-lite: dotted names with array indexes, e.g. <c>data.events[0].code</c>. A leading
/// <c>$.</c> starts at the document root; otherwise the path starts at the current item (the batch
/// element, or the root when there is no batch). Names with dots can be quoted: <c>['a.b']</c>.</summary>
public sealed class JsonPath
{
    private readonly IReadOnlyList<object> steps; // string = property, int = index

    private JsonPath(string text, bool fromRoot, IReadOnlyList<object> steps)
    {
        Text = text;
        FromRoot = fromRoot;
        this.steps = steps;
    }

    public string Text { get; }
    public bool FromRoot { get; }

    public override string ToString() => Text;

    /// <summary>Parses a path or returns the reason it cannot be parsed.</summary>
    public static JsonPath? TryParse(string text, out string? error)
    {
        error = null;
        var steps = new List<object>();
        var fromRoot = text.StartsWith("$.", StringComparison.Ordinal) || text == "$";
        var i = fromRoot ? 1 : 0;
        var name = new StringBuilder();
        void Flush() { if (name.Length > 0) { steps.Add(name.ToString()); name.Clear(); } }
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '.')
            {
                var afterIndex = i > 0 && text[i - 1] == ']';
                var afterRoot = fromRoot && i == 1;
                if (name.Length == 0 && !afterIndex && !afterRoot) { error = $"empty name at position {i + 1}"; return null; }
                Flush();
                i++;
            }
            else if (c == '[')
            {
                Flush();
                var close = text.IndexOf(']', i);
                if (close < 0) { error = "unclosed '['"; return null; }
                var inner = text[(i + 1)..close];
                if (inner.Length >= 2 && inner[0] == '\'' && inner[^1] == '\'') steps.Add(inner[1..^1]);
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) steps.Add(index);
                else { error = $"'[{inner}]' is neither an index like [0] nor a quoted name like ['a.b']"; return null; }
                i = close + 1;
            }
            else if (char.IsWhiteSpace(c) || c is ']' or '*' or '?') { error = $"unexpected '{c}' at position {i + 1}"; return null; }
            else { name.Append(c); i++; }
        }
        Flush();
        if (steps.Count == 0 && !fromRoot) { error = "a path names at least one field"; return null; }
        if (text.EndsWith('.')) { error = "a path does not end with '.'"; return null; }
        return new JsonPath(text, fromRoot, steps);
    }

    /// <summary>The element at this path, or null when any step is missing.</summary>
    public JsonElement? Select(JsonElement root, JsonElement item)
    {
        var current = FromRoot ? root : item;
        foreach (var step in steps)
        {
            if (step is string property && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(property, out var next))
                current = next;
            else if (step is int index && current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength())
                current = current[index];
            else
                return null;
        }
        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }
}
