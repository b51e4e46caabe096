using Cerebellum.Rules.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Loading;

/// <summary>Turns text into exactly one YAML document's root node, or diagnostics explaining why not.</summary>
internal static class YamlDocumentReader
{
    public static YamlNode? ReadRoot(string text, DiagnosticBag diagnostics)
    {
        var parser = new TrackingParser(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            // Some errors (an unknown alias) come without a position; the alias, or else the last parsed event, is close.
            var at = e.Start.Equals(Mark.Empty) ? parser.FirstAnchorOrAlias ?? parser.LastGood : e.Start;
            diagnostics.Add(at, "YAML syntax error: " + Tidy(e.Message) + ConditionHint(text, at));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            diagnostics.Add(parser.LastGood, "YAML syntax error near here: the document is malformed (" + Tidy(e.Message) + ")");
            return null;
        }

        if (parser.FirstAnchorOrAlias is { } anchor)
        {
            diagnostics.Add(anchor, "Anchors and aliases (&name, *name) are not allowed in rule packs; write the values out."
                + ConditionHint(text, anchor));
            return null;
        }

        if (stream.Documents.Count == 0 || IsEmpty(stream.Documents[0].RootNode))
        {
            diagnostics.Add(1, 1, "The rule pack is empty.");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(stream.Documents[1].RootNode, "A rule pack file holds exactly one YAML document; remove the second '---' section.");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Value: null or "", Style: ScalarStyle.Plain };

    /// <summary>Most YAML errors in packs come from unquoted conditions; say how to fix those.</summary>
    private static string ConditionHint(string text, Mark at)
    {
        var lines = text.Split('\n');
        var line = at.Line >= 1 && at.Line <= lines.Length ? lines[at.Line - 1] : "";
        return line.Contains("when:", StringComparison.Ordinal) || line.TrimStart().StartsWith("- ", StringComparison.Ordinal)
            ? " If this is a condition, quote it in single quotes: conditions containing ': ' or ' #', or starting with"
                + " '!', '&' or '*', are not plain YAML text."
            : "";
    }

    private static string Tidy(string message) => message.Trim().TrimEnd('.') + ".";
}
