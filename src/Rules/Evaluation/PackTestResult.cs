namespace Cerebellum.Rules;

/// <summary>
/// Result of one of a pack's own tests; <see cref="Failure"/> says every expectation that did not hold.
/// <see cref="Expected"/> and <see cref="Actual"/> are kept structured so tools (the <c>rules test</c>
/// command, the editor) can show a side-by-side diff instead of re-parsing the failure text.
/// </summary>
public sealed record PackTestResult(string Name, bool Passed, string? Failure)
{
    /// <summary>What the test expects; a null member is not checked.</summary>
    public PackTestExpected Expected { get; init; } = new(null, null, null, null);

    /// <summary>The assessment the pack produced; null when evaluation threw (see <see cref="Failure"/>).</summary>
    public Assessment? Actual { get; init; }
}

/// <summary>The expectations of a pack test, as written (parties and fired rules compare as sets).</summary>
public sealed record PackTestExpected(
    RiskLevel? Level, string? Category, IReadOnlyList<Party>? Parties, IReadOnlyList<string>? Fired);
