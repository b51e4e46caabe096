namespace Cerebellum.Rules.BackTesting;

/// <summary>
/// The range of recorded history a back-test re-assesses: items recorded at or after <c>From</c> and before
/// <c>To</c>. Capped at <see cref="MaxDays"/> (a quarter): what an office reviews before changing a pack, and a
/// bound on how long one back-test keeps the database busy.
/// </summary>
public static class BackTestRange
{
    public const int MaxDays = 92;

    /// <summary>Why the range cannot be back-tested, naming the field at fault; null when it can.</summary>
    public static (string Field, string Message)? Problem(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return ("to", "'to' must be after 'from'.");
        if (to - from > TimeSpan.FromDays(MaxDays))
            return ("to", $"A back-test covers at most {MaxDays} days; this range is {(to - from).TotalDays:0.#} days.");
        return null;
    }
}
