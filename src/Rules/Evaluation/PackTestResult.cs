namespace Cerebellum.Rules;

/// <summary>Result of one of a pack's own tests; <see cref="Failure"/> says every expectation that did not hold.</summary>
public sealed record PackTestResult(string Name, bool Passed, string? Failure);
