namespace Cerebellum.Engine.Exports.EthicsReview;

/// <summary>What the ethics committee reviews for a period: how much happened, which rules decided it, who saw
/// sensitive data and why, what was erased, what left for the City Brain, what looked unusual, and whether the
/// audit trail is intact. Names of people never appear; actors are portal accounts.</summary>
public sealed record EthicsReviewBundle(
    DateTimeOffset From,
    DateTimeOffset To,
    string Scope,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    IReadOnlyList<CaseVolume> Volumes,
    IReadOnlyList<RulePackUse> RulePacks,
    IReadOnlyList<SensitiveAccess> SensitiveAccesses,
    IReadOnlyList<ErasureRecord> Erasures,
    IReadOnlyList<UpwardShare> SharedUpward,
    IReadOnlyList<AnomalyRecord> Anomalies,
    AuditChainState AuditChain);

/// <summary>Cases opened in the period with this category and level (level "unassessed" before assessment).</summary>
public sealed record CaseVolume(string Category, string Level, int Cases);

public sealed record RulePackUse(string PackId, int Version, int Assessments, IReadOnlyList<RuleFiring> Rules);

public sealed record RuleFiring(string RuleId, int Fired);

public sealed record SensitiveAccess(
    DateTimeOffset At, string Actor, Guid? CaseId, IReadOnlyList<string> Fields, string? Purpose, string? PurposeText);

public sealed record ErasureRecord(DateTimeOffset At, string Actor, Guid? CaseId, string? Detail);

/// <summary>What went to the City Brain, by kind of record (only de-identified data ever does).</summary>
public sealed record UpwardShare(string Kind, int Count);

public sealed record AnomalyRecord(DateTimeOffset At, string Actor, Guid? CaseId, string? Detail);

public sealed record AuditChainState(bool Intact, long Entries, string LastHash, long? FirstBrokenEntry, string? Problem);
