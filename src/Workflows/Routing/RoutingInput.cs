using Cerebellum.Rules;

namespace Cerebellum.Workflows;

/// <summary>What routing needs from a risk assessment: level, category and the parties the rules named.</summary>
public sealed record RoutingInput(RiskLevel Level, string Category, IReadOnlyList<Party> Parties);
