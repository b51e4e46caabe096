using Cerebellum.Engine.Cases.Feedback;

namespace Cerebellum.Engine.Cases;

/// <summary>The feedback window of the case's latest resolution.</summary>
public sealed record FeedbackWindow(Guid RequestId, DateTimeOffset DueAt, bool Answered, bool Concluded);

public sealed partial record Case
{
    public FeedbackWindow? Feedback { get; init; }

    /// <summary>True while this request may still change the case: the case is resolved and the window is open.
    /// A staff member closing or reopening the case by hand ends it as surely as an answer does.</summary>
    public bool AwaitsFeedback(Guid requestId) =>
        Status == CaseStatus.Resolved && Feedback is { Answered: false, Concluded: false } f && f.RequestId == requestId;

    public Case Apply(FeedbackRequested e) => this with { Feedback = new FeedbackWindow(e.RequestId, e.DueAt, false, false) };

    public Case Apply(FeedbackReceived e) =>
        Feedback is { } f && f.RequestId == e.RequestId ? this with { Feedback = f with { Answered = true } } : this;

    public Case Apply(FeedbackConcluded e) =>
        Feedback is { } f && f.RequestId == e.RequestId ? this with { Feedback = f with { Concluded = true } } : this;
}
