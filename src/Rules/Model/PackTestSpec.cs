namespace Cerebellum.Rules.Model;

/// <summary>Expected outcome of a pack test; a null member is not checked.</summary>
internal sealed record PackTestExpectation(
    RiskLevel? Level,
    string? Category,
    IReadOnlyList<Party>? Parties,
    IReadOnlyList<string>? Fired);

/// <summary>One test written in the pack: given facts, expected outcome.</summary>
internal sealed record PackTestSpec(string Name, AssessmentFacts Given, PackTestExpectation Expect);
