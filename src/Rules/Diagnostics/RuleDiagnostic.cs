namespace Cerebellum.Rules;

/// <summary>One problem in a rule pack. Line and column are 1-based, like compilers and editors report them.</summary>
public sealed record RuleDiagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}
