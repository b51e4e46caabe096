using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cerebellum.Rules.Loading;

/// <summary>
/// Wraps YamlDotNet's parser to remember where it was. Some malformed inputs make YamlDotNet throw plain
/// InvalidOperationExceptions without a position; the last good event still tells the author where to look.
/// It also spots anchors and aliases, which packs do not allow (they make a reviewed file read differently
/// from how it evaluates, and aliases can blow up the size of what is walked).
/// </summary>
internal sealed class TrackingParser(string text) : IParser
{
    private readonly Parser inner = new(new StringReader(text));

    public ParsingEvent Current => inner.Current!;

    public Mark LastGood { get; private set; } = Mark.Empty;

    public Mark? FirstAnchorOrAlias { get; private set; }

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is { } current)
        {
            LastGood = current.Start;
            var isAnchored = current is NodeEvent node && !node.Anchor.IsEmpty;
            if ((isAnchored || current is AnchorAlias) && FirstAnchorOrAlias is null)
            {
                FirstAnchorOrAlias = current.Start;
            }
        }

        return moved;
    }
}
