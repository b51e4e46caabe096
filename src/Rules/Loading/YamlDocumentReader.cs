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
            diagnostics.Add(e.Start, "YAML syntax error: " + Tidy(e.Message));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            diagnostics.Add(parser.LastGood, "YAML syntax error near here: the document is malformed (" + Tidy(e.Message) + ")");
            return null;
        }

        if (parser.FirstAnchorOrAlias is { } anchor)
        {
            diagnostics.Add(anchor, "Anchors and aliases (&name, *name) are not allowed in rule packs; write the values out.");
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

    private static string Tidy(string message) => message.Trim().TrimEnd('.') + ".";
}
