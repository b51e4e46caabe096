using Cerebellum.Rules;
using Cerebellum.Workflows;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>What assessing an item gave: an <see cref="Assessment"/>, or the rule pack failing on it. A failure
/// is an outcome rather than an exception so that decisions stay pure and the item is never lost.</summary>
public abstract record AssessmentOutcome
{
    public static implicit operator AssessmentOutcome(Assessment assessment) => new Assessed(assessment);
}

/// <param name="FactsDigest">See <see cref="AssessmentFacts.Digest"/>.</param>
public sealed record Assessed(Assessment Assessment, string FactsDigest = "") : AssessmentOutcome;

/// <summary>A rule threw (e.g. integer division by zero): the case goes to the street office for manual triage.</summary>
public sealed record AssessmentFailure(string PackId, int PackVersion, string? RuleId, string Message) : AssessmentOutcome
{
    /// <summary>The category a case without a usable assessment is routed under (the pack-independent catch-all).</summary>
    public const string TriageCategory = "general";

    /// <summary>Level for a new case when nothing is known: yellow is the lowest level that still gets a quick
    /// human look everywhere, without paging the police as orange and red would.</summary>
    public const RiskLevel NewCaseLevel = RiskLevel.Yellow;

    public static AssessmentFailure From(RuleEvaluationException e) => new(e.PackId, e.PackVersion, e.RuleId, e.Reason);

    /// <summary>Routing for manual triage: keep the case's level (never lower it), only the street office.</summary>
    public RoutingInput Triage(Case? current) => new(current?.Level ?? NewCaseLevel, TriageCategory, [Party.Street]);
}
