using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Diagnostics;

/// <summary>
/// Collects diagnostics while a pack is read. Loading never stops at the first error: authors fix a pack in
/// one round trip only if they see everything wrong with it.
/// </summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<RuleDiagnostic> items = [];

    public string File { get; } = file;

    public int Count => items.Count;

    public void Add(int line, int column, string message) =>
        items.Add(new RuleDiagnostic(File, Math.Max(line, 1), Math.Max(column, 1), message));

    public void Add(Mark mark, string message) => Add((int)mark.Line, (int)mark.Column, message);

    public void Add(YamlNode node, string message) => Add(node.Start, message);

    /// <summary>In source order, so the list reads top to bottom like the file.</summary>
    public IReadOnlyList<RuleDiagnostic> ToList() =>
        items.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
}
