using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Expressions;

/// <summary>
/// Maps a character offset inside a YAML scalar's value back to a line and column in the file, so an error in
/// an expression points at the offending token rather than at the start of the scalar.
/// Every mapping is verified against the raw text; when the scalar uses escapes, folding with blank lines or
/// anything else that breaks the one-to-one correspondence, it falls back to the scalar's own start.
/// </summary>
internal static class ScalarSourceMap
{
    public static (int Line, int Column) Locate(YamlScalarNode scalar, int offset, string[] lines)
    {
        var start = ((int)scalar.Start.Line, (int)scalar.Start.Column);
        var segments = Segments(scalar, lines);
        if (segments is null)
        {
            return start;
        }

        // Walk the segments; each joins the next with one character (the folded space or literal newline).
        var remaining = Math.Max(offset, 0);
        foreach (var (line, column, length) in segments)
        {
            if (remaining <= length)
            {
                return (line, column + remaining);
            }

            remaining -= length + 1;
        }

        return start;
    }

    /// <summary>(line, first column, length) of each source piece of the value, or null when unverifiable.</summary>
    private static List<(int Line, int Column, int Length)>? Segments(YamlScalarNode scalar, string[] lines)
    {
        var value = scalar.Value ?? "";
        var lineIndex = (int)scalar.Start.Line - 1;
        if (lineIndex < 0 || lineIndex >= lines.Length)
        {
            return null;
        }

        switch (scalar.Style)
        {
            case ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                when scalar.Start.Line == scalar.End.Line:
                var quote = scalar.Style == ScalarStyle.Plain ? 0 : 1;
                var column = (int)scalar.Start.Column + quote;
                var line = lines[lineIndex];
                var fits = column - 1 + value.Length <= line.Length
                    && string.CompareOrdinal(line, column - 1, value, 0, value.Length) == 0;
                return fits ? [((int)scalar.Start.Line, column, value.Length)] : null;
            case ScalarStyle.Literal or ScalarStyle.Folded:
                return BlockSegments(scalar, lines, value);
            default:
                return null;
        }
    }

    private static List<(int, int, int)>? BlockSegments(YamlScalarNode scalar, string[] lines, string value)
    {
        // Content starts on the line after the | or > indicator and lasts while lines are indented at least as
        // much as the first content line. Blank lines inside would change folding; those are not mapped.
        var first = (int)scalar.Start.Line;
        if (first >= lines.Length || lines[first].Trim().Length == 0)
        {
            return null;
        }

        var indent = lines[first].Length - lines[first].TrimStart(' ').Length;
        var segments = new List<(int, int, int)>();
        var pieces = new List<string>();
        for (var i = first; i < lines.Length; i++)
        {
            var raw = lines[i];
            if (raw.Trim().Length == 0 || raw.Length - raw.TrimStart(' ').Length < indent)
            {
                break;
            }

            var piece = raw[indent..];
            pieces.Add(piece);
            segments.Add((i + 1, indent + 1, piece.Length));
        }

        var separator = scalar.Style == ScalarStyle.Literal ? "\n" : " ";
        return string.Join(separator, pieces) == value.TrimEnd('\n') ? segments : null;
    }
}
