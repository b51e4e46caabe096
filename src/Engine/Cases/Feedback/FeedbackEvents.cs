using Cerebellum.Workflows;

namespace Cerebellum.Engine.Cases.Feedback;

// The closed loop (回访) in a case's stream. No personal data: who was asked is a kind, not an address.

/// <summary>Who could be asked: the complainant by mail, or nobody reachable (the window still runs and closes
/// the case as no-response).</summary>
public enum FeedbackRecipient { Complainant, NoReachableResident }

/// <summary>The resident was asked to confirm and rate the resolution. RequestId is the id of the
/// CaseResolved event that caused it: one request per resolution, however often the cause is re-delivered.</summary>
public sealed record FeedbackRequested(
    Guid CaseId, Guid RequestId, FeedbackRecipient Recipient, DateTimeOffset DueAt, DateTimeOffset At);

/// <summary>The resident's answer. The comment is the resident's own words: internal case text.</summary>
public sealed record FeedbackReceived(
    Guid CaseId, Guid RequestId, bool Satisfied, int Rating, string? Comment, DateTimeOffset At);

/// <summary>Why the feedback window ended, and whether the case was reopened (followed by CaseClosed or CaseReopened).</summary>
public sealed record FeedbackConcluded(Guid CaseId, Guid RequestId, CloseReason Reason, bool Reopened, DateTimeOffset At);
