namespace Cerebellum.Rules;

/// <summary>What a rule says when it fires.</summary>
public sealed record RuleOutcome(RiskLevel Level, string Category, IReadOnlyList<Party> Parties, LocalizedText Reason);
