namespace Cerebellum.Rules;

/// <summary>A rule that matched, with what it contributed; recorded with the assessment to explain it later.</summary>
public sealed record FiredRule(string Id, RiskLevel Level, string Category, int Priority, LocalizedText Reason);
