using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows.Yaml;

/// <summary>
/// Collects diagnostics for one file while parsing continues, so that all errors are
/// reported together rather than stopping at the first.
/// </summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<WorkflowDiagnostic> items = [];

    public string File { get; } = file;

    public bool HasErrors => items.Count > 0;

    public IReadOnlyList<WorkflowDiagnostic> Items => items;

    public void Add(Mark mark, string message) =>
        items.Add(new WorkflowDiagnostic(File, Clamp(mark.Line), Clamp(mark.Column), message));

    public void Add(YamlNode node, string message) => Add(node.Start, message);

    /// <summary>Diagnostics sorted by position: the order an author reads the file in.</summary>
    public IReadOnlyList<WorkflowDiagnostic> Sorted() =>
        [.. items.OrderBy(d => d.Line).ThenBy(d => d.Column)];

    // YamlDotNet marks are 64-bit; files anywhere near int.MaxValue lines are not realistic,
    // but clamping keeps the conversion total. Marks are already 1-based.
    private static int Clamp(long value) => (int)Math.Clamp(value, 1, int.MaxValue);
}
