using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows.Yaml;

/// <summary>
/// Turns text into the YamlDotNet representation model (which keeps a start mark on every
/// node, unlike the object deserializer) and turns syntax errors into diagnostics.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>Returns the root mapping of the single document, or null after reporting why not.</summary>
    public static YamlMappingNode? ReadRootMapping(string? text, DiagnosticBag bag, string documentKind)
    {
        if (TooDeep(text ?? string.Empty) is { } deep)
        {
            bag.Add(deep, $"the {documentKind} is nested more than {MaxDepth} levels deep; no valid file comes near that");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text ?? string.Empty));
        }
        catch (YamlException ex)
        {
            bag.Add(ex.Start, "YAML syntax error: " + ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner occasionally fails on malformed input with a non-YAML
            // exception and no position (seen with an unclosed '{' continued on the next line).
            // Loading must not throw on bad input, so locate the last point that did parse.
            bag.Add(LastGoodMark(text ?? string.Empty), "YAML syntax error: the text cannot be read past this point; an unclosed '{', '[' or quote is a common cause");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            bag.Add(Mark.Empty, $"the file is empty; expected a {documentKind}");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            // One definition per file keeps versioning and publishing one-to-one with files.
            bag.Add(stream.Documents[1].RootNode, $"the file contains more than one YAML document; put each {documentKind} in its own file");
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode mapping)
        {
            return mapping;
        }

        bag.Add(root, $"expected a {documentKind} (a YAML mapping of keys to values) at the top level");
        return null;
    }

    /// <summary>Deeper than any real definition or calendar (they need four or five levels).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The position where nesting first exceeds <see cref="MaxDepth"/>, or null. YamlDotNet's representation
    /// model builds nodes recursively, so a body of 200,000 '[' overflows the stack and kills the process (a
    /// StackOverflowException cannot be caught). Its parser is iterative, so counting depth from the parser's
    /// events first is safe; syntax errors are left for the real load to report.
    /// </summary>
    private static Mark? TooDeep(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return parser.Current.Start;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Not this check's business: the load reports the syntax error with its position.
        }

        return null;
    }

    private static Mark LastGoodMark(string text)
    {
        var parser = new Parser(new StringReader(text));
        var mark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                mark = parser.Current?.End ?? mark;
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Expected: this is the failure being located.
        }

        return mark;
    }
}
