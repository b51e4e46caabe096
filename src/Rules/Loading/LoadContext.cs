using Cerebellum.Rules.Diagnostics;

namespace Cerebellum.Rules.Loading;

/// <summary>State shared by the readers of one pack file.</summary>
internal sealed class LoadContext(DiagnosticBag diagnostics, string text)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The raw lines, so expression errors can point inside a YAML scalar.</summary>
    public string[] Lines { get; } = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>Declared categories; null when the list itself is broken, which suppresses follow-on errors.</summary>
    public IReadOnlyList<string>? Categories { get; set; }
}
