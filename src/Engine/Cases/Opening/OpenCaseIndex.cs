namespace Cerebellum.Engine.Cases.Opening;

/// <summary>At most one active case per correlation key (device or unit, and kind). The key is the
/// document id, so two nodes racing to open a case for the same key cannot both succeed: the loser
/// gets a duplicate-key error, retries, and attaches to the winner's case.</summary>
public sealed record OpenCaseIndex(string Id, Guid CaseId, DateTimeOffset OpenedAt);
