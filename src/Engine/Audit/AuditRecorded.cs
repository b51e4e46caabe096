using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Audit;

/// <summary>What an audit entry records. Names, not values: the trail says that a user saw a case's
/// health details and why, never the details themselves, so the trail holds no personal data to erase.</summary>
public static class AuditActions
{
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignedOut = "signed-out";
    /// <summary>Data above the viewer's default clearance was shown, with a stated purpose.</summary>
    public const string SensitiveRead = "sensitive-read";
    /// <summary>Personal (or sensitive) data shown in full within the reader's own clearance; at most one per reader,
    /// subject and hour (see <see cref="PersonalDataReads"/>).</summary>
    public const string PersonalRead = "personal-read";
    public const string CaseAction = "case-action";
    public const string RulePackPublished = "rule-pack-published";
    public const string RoutingPublished = "routing-published";
    public const string Exported = "exported";
    public const string Erased = "erased";
    /// <summary>An unusual pattern (e.g. many unmasks in an hour) flagged for the ethics committee.</summary>
    public const string AnomalyFlagged = "anomaly-flagged";
}

/// <summary>What a caller asks to record. The chain fields are added by <see cref="AuditTrail"/>.</summary>
public sealed record AuditRequest(
    string Actor, string Action, DateTimeOffset At, Guid? CaseId = null, IReadOnlyList<string>? Fields = null, string? Purpose = null,
    string? PurposeText = null, string? Detail = null);

/// <summary>One link of the audit chain, an event of the single audit stream. <see cref="Hash"/> is
/// SHA-256 over <see cref="PreviousHash"/> and every other field (see <see cref="AuditChain.HashOf"/>),
/// so changing, removing or reordering any earlier entry breaks every later link.</summary>
public sealed record AuditRecorded(
    [property: Internal] long Sequence, [property: Internal] string Actor, [property: Internal] string Action, [property: Internal] Guid? CaseId,
    [property: Internal] IReadOnlyList<string> Fields, [property: Internal] string? Purpose, [property: Internal] string? PurposeText,
    [property: Internal] string? Detail, [property: Internal] DateTimeOffset At, [property: Internal] string PreviousHash, [property: Internal] string Hash);

/// <summary>The write model of the audit stream: where the chain ends.</summary>
public sealed record AuditHead(Guid Id, long Count, string LastHash)
{
    public static AuditHead Create(AuditRecorded e) => new(AuditTrail.StreamId, e.Sequence, e.Hash);
    public AuditHead Apply(AuditRecorded e) => this with { Count = e.Sequence, LastHash = e.Hash };
}

/// <summary>A queryable copy of each entry for the auditor's filters; the chain itself lives in the events.</summary>
public sealed class AuditEntryView
{
    [Internal]
    public long Id { get; set; }
    [Internal]
    public string Actor { get; set; } = "";
    [Internal]
    public string Action { get; set; } = "";
    [Internal]
    public Guid? CaseId { get; set; }
    [Internal]
    public IReadOnlyList<string> Fields { get; set; } = [];
    [Internal]
    public string? Purpose { get; set; }
    [Internal]
    public string? PurposeText { get; set; }
    [Internal]
    public string? Detail { get; set; }
    [Internal]
    public DateTimeOffset At { get; set; }
    [Internal]
    public string Hash { get; set; } = "";

    public static AuditEntryView From(AuditRecorded e) => new()
    {
        Id = e.Sequence, Actor = e.Actor, Action = e.Action, CaseId = e.CaseId, Fields = e.Fields, Purpose = e.Purpose,
        PurposeText = e.PurposeText, Detail = e.Detail, At = e.At, Hash = e.Hash,
    };
}
