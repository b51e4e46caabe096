namespace Cerebellum.Workflows;

/// <summary>
/// Thrown by the "OrThrow" loaders. It carries every diagnostic, not only the first, so a
/// rule author fixes a file in one pass instead of one error per publish attempt.
/// </summary>
public sealed class WorkflowLoadException : Exception
{
    public WorkflowLoadException(IReadOnlyList<WorkflowDiagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<WorkflowDiagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<WorkflowDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var header = diagnostics.Count == 1 ? "1 error" : $"{diagnostics.Count} errors";
        return header + ":" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics);
    }
}
