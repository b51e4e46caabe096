namespace Cerebellum.Rules;

/// <summary>
/// A condition threw while being evaluated (e.g. integer division by zero, or a null string passed in a fact).
/// Thrown rather than treated as "did not match": silently skipping a rule could under-rate a real emergency.
/// </summary>
public sealed class RuleEvaluationException(string packId, int packVersion, string message, Exception inner)
    : Exception($"Rule pack '{packId}' v{packVersion}: a condition failed to evaluate: {message}", inner)
{
    public string PackId { get; } = packId;

    public int PackVersion { get; } = packVersion;
}
