namespace Cerebellum.Engine.Exports.Pdf;

/// <summary>Splits text into runs that one font can draw: Chinese (and full-width forms) for the CJK font,
/// everything else for the Latin font.</summary>
public static class ScriptRuns
{
    public readonly record struct Run(string Text, bool IsCjk);

    public static IReadOnlyList<Run> Split(string text)
    {
        var runs = new List<Run>();
        if (string.IsNullOrEmpty(text)) return runs;
        var start = 0;
        var cjk = IsCjk(text, 0);
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLowSurrogate(text[i])) continue;
            var here = i < text.Length && IsCjk(text, i);
            if (i == text.Length || here != cjk)
            {
                runs.Add(new Run(text[start..i], cjk));
                start = i;
                cjk = here;
            }
        }
        return runs;
    }

    /// <summary>CJK ideographs, radicals, CJK punctuation, kana, Hangul, full-width forms, letter-like symbols such as
    /// ℃, and anything beyond the BMP (extension ideographs).</summary>
    public static bool IsCjk(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c)) return true;
        return c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF') or (>= '\u2100' and <= '\u214F');
    }
}
