namespace Cerebellum.Rules;

/// <summary>
/// The helper functions rule expressions may call, besides operators and fact members. Kept small and pure on
/// purpose: every function here is part of the pack language and documented in docs/rules.md.
/// </summary>
public static class RuleFunctions
{
    /// <summary>Inclusive range check: <c>Between(Clock.Hour, 0, 5)</c>.</summary>
    public static bool Between(double value, double low, double high) => value >= low && value <= high;

    /// <summary>Exact (ordinal) membership: <c>In(Trigger.Kind, "smoke", "gas")</c>.</summary>
    public static bool In(string value, params string[] options) => options is not null && Array.IndexOf(options, value) >= 0;

    /// <summary>Case-insensitive substring search for complaint text: <c>ContainsAny(Trigger.Text, "漏水", "leak")</c>.</summary>
    public static bool ContainsAny(string text, params string[] words)
    {
        // Null-safe on purpose: the condition splitter relies on rule functions never throwing.
        if (text is null)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (!string.IsNullOrEmpty(word) && text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Compares level names on the four-colour scale: <c>LevelAtLeast(Case.CurrentLevel, "orange")</c>.
    /// An empty or unknown level ranks below blue, so an unassessed case is never "at least" anything.
    /// </summary>
    public static bool LevelAtLeast(string level, string threshold) => Rank(level) >= Rank(threshold) && Rank(level) > 0;

    private static int Rank(string level) => VocabularyNames.TryParseLevel(level, out var parsed) ? (int)parsed : 0;
}
