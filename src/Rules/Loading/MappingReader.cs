using Cerebellum.Rules.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Loading;

/// <summary>
/// Reads one YAML mapping against a fixed set of field names. Unknown fields are errors, not ignored:
/// a misspelt "priorty" that silently does nothing is worse than a red squiggle.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.Ordinal);
    private readonly DiagnosticBag diagnostics;

    private MappingReader(YamlMappingNode node, string owner, DiagnosticBag diagnostics)
    {
        Node = node;
        Owner = owner;
        this.diagnostics = diagnostics;
    }

    public YamlMappingNode Node { get; }

    /// <summary>How messages name this mapping, e.g. "rule 'smoke-at-night'".</summary>
    public string Owner { get; }

    public static MappingReader? Open(YamlNode node, string owner, DiagnosticBag diagnostics, params string[] fields)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(node, $"Expected {owner} to be a mapping with the fields {string.Join(", ", fields)}.");
            return null;
        }

        var reader = new MappingReader(mapping, owner, diagnostics);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(fields, key) < 0)
            {
                diagnostics.Add(keyNode, $"Unknown field '{key}' in {owner}. Allowed fields: {string.Join(", ", fields)}."
                    + NameSuggestions.Hint(key, fields));
                continue;
            }

            reader.values[key] = value;
        }

        return reader;
    }

    public bool Has(string field) => values.ContainsKey(field);

    public YamlNode? Optional(string field) => values.GetValueOrDefault(field);

    public YamlNode? Required(string field)
    {
        if (values.TryGetValue(field, out var value))
        {
            return value;
        }

        diagnostics.Add(Node, $"Missing required field '{field}' in {Owner}.");
        return null;
    }
}
