using System.Text;

namespace Cerebellum.Workflows.Diagrams;

/// <summary>
/// Makes free text safe inside a double-quoted Mermaid label. Titles, escalation targets and
/// notify keys are written by rule authors, so a quote, bracket, pipe or angle bracket must not end
/// the label or inject markup. Mermaid decodes <c>#name;</c> and <c>#decimal;</c> entity codes
/// inside labels, so each risky character becomes one; Chinese text passes through unchanged.
/// </summary>
public static class MermaidText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '[' or ']' or '(' or ')' or '{' or '}' or '|' or '`' or ';' => $"#{(int)c};",
                // A line break inside a label would end the statement; the label is one line.
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A double-quoted label from lines already escaped, joined with Mermaid's line break.</summary>
    public static string Label(params string[] escapedLines) => "\"" + string.Join("<br/>", escapedLines) + "\"";
}
