namespace Cerebellum.Engine.Cases.Opening;

/// <summary>At most one active case per correlation key (see <see cref="Correlation"/>). The key is the
/// document id, so two nodes racing to open a case for the same key cannot both succeed: the loser
/// gets a duplicate-key error, retries, and attaches to the winner's case. LastItemAt bounds the
/// correlation window.</summary>
public sealed record OpenCaseIndex(string Id, Guid CaseId, DateTimeOffset LastItemAt);
