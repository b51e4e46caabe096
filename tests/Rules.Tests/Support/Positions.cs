namespace Cerebellum.Rules.Tests.Support;

/// <summary>An independent oracle for expected positions: where a token sits in the text, 1-based.</summary>
internal static class Positions
{
    public static (int Line, int Column) Of(string text, int line, string token)
    {
        var source = text.Split('\n')[line - 1];
        var index = source.IndexOf(token, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{token}' not on line {line}: {source}");
        return (line, index + 1);
    }

    public static (int Line, int Column) At(this RuleDiagnostic diagnostic) => (diagnostic.Line, diagnostic.Column);
}
