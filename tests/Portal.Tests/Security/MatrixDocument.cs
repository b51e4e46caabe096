using System.Text;

namespace Cerebellum.Portal.Tests.Security;

/// <summary>The matrix as the markdown table in docs/privacy.md ("Who may call what"), rendered from
/// <see cref="RouteAccess"/> so the document cannot drift from what the tests enforce.</summary>
public static class MatrixDocument
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("| route | rule | ").AppendJoin(" | ", RouteAccess.Callers.Select(c => c.Name)).Append(" |\n");
        text.Append("| --- | --- | ").AppendJoin(" | ", RouteAccess.Callers.Select(_ => "---")).Append(" |\n");
        foreach (var (route, access) in RouteAccess.Routes)
            text.Append($"| `{route}` | {access} | ")
                .AppendJoin(" | ", RouteAccess.Callers.Select(c => Cell(RouteAccess.Expected(access, c))))
                .Append(" |\n");
        return text.ToString();
    }

    private static string Cell(Outcome outcome) => outcome switch
    {
        Outcome.Allowed => "✓",
        Outcome.Unauthorized401 => "401",
        _ => "403",
    };
}
