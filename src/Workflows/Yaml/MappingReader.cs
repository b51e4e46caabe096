using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows.Yaml;

/// <summary>
/// Reads one YAML mapping against a closed set of keys. Unknown keys are errors because a
/// misspelt key (<c>minlevel</c> for <c>minLevel</c>) would otherwise be silently ignored and
/// the police would be dispatched at every level.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.Ordinal);
    private readonly DiagnosticBag bag;

    public MappingReader(YamlMappingNode node, DiagnosticBag bag, string context, params string[] allowedKeys)
    {
        Node = node;
        this.bag = bag;
        Context = context;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                bag.Add(keyNode, $"{context}: keys must be plain words, not lists or mappings");
                continue;
            }

            if (allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                values[key] = value;
                continue;
            }

            bag.Add(keyNode, $"{context}: unknown key '{key}'{Suggest(key, allowedKeys)}; expected one of: {string.Join(", ", allowedKeys)}");
        }
    }

    public YamlMappingNode Node { get; }

    public string Context { get; }

    public YamlNode? Optional(string key) => values.GetValueOrDefault(key);

    /// <summary>Returns the value, or reports the missing key at the start of the mapping.</summary>
    public YamlNode? Required(string key)
    {
        if (values.TryGetValue(key, out var value))
        {
            return value;
        }

        bag.Add(Node, $"{Context}: missing required key '{key}'");
        return null;
    }

    // Case slips are the most common typo in hand-written YAML; name the intended key.
    private static string Suggest(string key, string[] allowedKeys)
    {
        var match = allowedKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        return match is null ? string.Empty : $" (did you mean '{match}'?)";
    }
}
