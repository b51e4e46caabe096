namespace Cerebellum.Rules;

/// <summary>
/// A condition threw while being evaluated (e.g. integer division by zero, or a null string passed in a fact).
/// Thrown rather than treated as "did not match": silently skipping a rule could under-rate a real emergency.
/// </summary>
public sealed class RuleEvaluationException(
    string packId, int packVersion, string message, Exception inner, IReadOnlyList<string>? ruleIds = null)
    : Exception(Describe(packId, packVersion, message, ruleIds ?? []), inner)
{
    public string PackId { get; } = packId;

    public int PackVersion { get; } = packVersion;

    /// <summary>
    /// The rules containing the failing condition, in file order. Usually one; several when rules share the
    /// condition (NRules evaluates a shared condition once); empty when NRules could not say.
    /// </summary>
    public IReadOnlyList<string> RuleIds { get; } = ruleIds ?? [];

    /// <summary>The first of <see cref="RuleIds"/>, or null when unknown.</summary>
    public string? RuleId => RuleIds.Count > 0 ? RuleIds[0] : null;

    /// <summary>The underlying error alone (e.g. "Attempted to divide by zero."), for records that name pack and rule apart.</summary>
    public string Reason { get; } = message;

    private static string Describe(string packId, int packVersion, string message, IReadOnlyList<string> ruleIds) =>
        ruleIds.Count == 0
            ? $"Rule pack '{packId}' v{packVersion}: a condition failed to evaluate: {message}"
            : $"Rule pack '{packId}' v{packVersion}: a condition of rule {string.Join(", ", ruleIds.Select(r => $"'{r}'"))} failed to evaluate: {message}";
}
