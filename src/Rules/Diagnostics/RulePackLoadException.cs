namespace Cerebellum.Rules;

/// <summary>Thrown by <see cref="RulePackLoader.LoadOrThrow"/>; carries every diagnostic, not just the first.</summary>
public sealed class RulePackLoadException : Exception
{
    public RulePackLoadException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<RuleDiagnostic> diagnostics) =>
        $"The rule pack has {diagnostics.Count} error(s):" + Environment.NewLine +
        string.Join(Environment.NewLine, diagnostics);
}
