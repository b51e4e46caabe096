namespace Cerebellum.Rules;

/// <summary>The outcome when no rule fires, so every case gets a level and somebody to look at it.</summary>
public sealed record PackDefaults(RiskLevel Level, string Category, IReadOnlyList<Party> Parties);
