using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Notifications;
using Cerebellum.Engine.Policies;
using Marten;
using Wolverine;

namespace Cerebellum.Engine.Cases.Feedback;

/// <summary>A case was resolved (relayed by CaseFollowUpSubscription): open its feedback window.</summary>
public sealed record RequestFeedback([property: Public] Guid ResolvedEventId, [property: Public] Guid CaseId, [property: Public] DateTimeOffset ResolvedAt, [property: Internal(MaskFormat.FreeText)] string ResolutionNote);

/// <summary>The window timer. Never cancelled: when it fires, the case decides whether it still matters.</summary>
public sealed record FeedbackWindowElapsed([property: Public] Guid CaseId, [property: Public] Guid RequestId);

/// <summary>
/// Opens the feedback window: a token, the FeedbackRequested event, the durable timer and the mail, all in
/// one transaction (Wolverine's outbox). The resident asked is the case's first complainant who left a
/// mail address: the person who raised it is the one who can say whether it is fixed. Sensor and health
/// cases have no such person on record (the registry holds names and phones, no mail), so their window
/// opens without a mail and, unanswered, closes the case as no-response.
/// </summary>
public static class RequestFeedbackHandler
{
    public static async Task Handle(RequestFeedback message, IDocumentSession session, PolicyCatalog policies,
        NotificationSettings settings, IMessageContext bus, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Case>(message.CaseId, ct);
        // Re-delivered, or the case moved on (reopened, closed by hand) before we got here: nothing to ask.
        if (stream.Aggregate is not { Status: CaseStatus.Resolved } c || c.Feedback?.RequestId == message.ResolvedEventId) return;

        var now = clock.GetUtcNow();
        var dueAt = FeedbackDecisions.PolicyFor(c, policies).FeedbackDeadline(message.ResolvedAt);
        var summary = await session.LoadAsync<CaseSummary>(c.Id, ct);
        var email = (await CaseComplaints.LoadAsync(session, c.Id, ct))
            .Select(complaint => complaint.Contact?.Email)
            .FirstOrDefault(address => !string.IsNullOrWhiteSpace(address));

        var token = FeedbackToken.New();
        session.Store(new FeedbackInvitation
        {
            Id = FeedbackToken.Hash(token), CaseId = c.Id, RequestId = message.ResolvedEventId,
            Category = summary?.Category ?? "", BuildingLabel = c.Location.BuildingLabel,
            ResolutionNote = message.ResolutionNote, RequestedAt = now, DueAt = dueAt,
        });
        stream.AppendOne(new FeedbackRequested(c.Id, message.ResolvedEventId,
            email is null ? FeedbackRecipient.NoReachableResident : FeedbackRecipient.Complainant, dueAt, now));
        await bus.ScheduleAsync(new FeedbackWindowElapsed(c.Id, message.ResolvedEventId), dueAt);
        if (email is null) return;

        // The mail: what happened where, by when, and the link. Nothing the resident did not already know.
        var language = MailTemplates.LanguageOrDefault(settings.Language);
        await bus.PublishAsync(new SendMail(message.ResolvedEventId, email, MailTemplates.FeedbackRequested, language,
            new Dictionary<string, string>
            {
                ["category"] = MailTemplates.Embedded.Term(language, "category", summary?.Category is { Length: > 0 } k ? k : "general"),
                ["building"] = c.Location.BuildingLabel,
                ["dueAt"] = MailText.Beijing(dueAt),
                ["link"] = settings.Link($"/feedback/{token}"),
            }));
    }
}

public static class FeedbackWindowElapsedHandler
{
    public static async Task Handle(FeedbackWindowElapsed message, IDocumentSession session, IMessageContext bus,
        PolicyCatalog policies, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Case>(message.CaseId, ct);
        if (stream.Aggregate is not { } c || !c.AwaitsFeedback(message.RequestId)) return;

        var now = clock.GetUtcNow();
        var outcome = Workflows.ClosureDecider.OnWindowElapsed(c.Feedback!.DueAt, now);
        if (outcome is null)
        {
            // Fired early (clocks differ between nodes): look again at the deadline.
            await bus.ScheduleAsync(message, c.Feedback.DueAt);
            return;
        }
        stream.AppendMany(FeedbackDecisions.Concluded(c, policies, message.RequestId, outcome, FeedbackDecisions.System, now));
    }
}
