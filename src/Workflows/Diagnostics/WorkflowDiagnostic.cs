namespace Cerebellum.Workflows;

/// <summary>
/// One problem found in a routing definition or holiday calendar file. Line and column are
/// 1-based so that editors and CI logs can jump straight to the spot; the
/// <c>file(line,column): message</c> shape is the one MSBuild and most IDEs recognise.
/// </summary>
public sealed record WorkflowDiagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}
