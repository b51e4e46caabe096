using Cerebellum.Engine.Privacy;
using Cerebellum.Workflows;

namespace Cerebellum.Engine.Cases.Feedback;

// The closed loop (回访) in a case's stream. No personal data: who was asked is a kind, not an address.

/// <summary>Who could be asked: the complainant by mail, or nobody reachable (the window still runs and closes
/// the case as no-response).</summary>
public enum FeedbackRecipient { Complainant, NoReachableResident }

/// <summary>The resident was asked to confirm and rate the resolution. RequestId is the id of the
/// CaseResolved event that caused it: one request per resolution, however often the cause is re-delivered.</summary>
public sealed record FeedbackRequested(
    [property: Public] Guid CaseId, [property: Public] Guid RequestId, [property: Public] FeedbackRecipient Recipient, [property: Public] DateTimeOffset DueAt, [property: Public] DateTimeOffset At);

/// <summary>The resident's answer. The comment is the resident's own words: internal case text.</summary>
public sealed record FeedbackReceived(
    [property: Public] Guid CaseId, [property: Public] Guid RequestId, [property: Public] bool Satisfied, [property: Public] int Rating, [property: Internal(MaskFormat.FreeText)] string? Comment, [property: Public] DateTimeOffset At);

/// <summary>Why the feedback window ended, and whether the case was reopened (followed by CaseClosed or CaseReopened).</summary>
public sealed record FeedbackConcluded([property: Public] Guid CaseId, [property: Public] Guid RequestId, [property: Public] CloseReason Reason, [property: Public] bool Reopened, [property: Public] DateTimeOffset At);
