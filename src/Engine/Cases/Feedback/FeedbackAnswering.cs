using Cerebellum.Engine.Policies;
using Cerebellum.Workflows;
using JasperFx;
using Cerebellum.Engine.Cases.Tasks;
using Marten;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Cerebellum.Engine.Cases.Feedback;

public enum FeedbackState { Open, Answered, Expired, Closed }

/// <summary>What the resident sees: nothing personal, nothing internal but the resolution note.</summary>
public sealed record FeedbackView(string Category, string BuildingLabel, string ResolutionNote, DateTimeOffset DueAt, FeedbackState State);

public enum AnswerStatus { Recorded, UnknownToken, AlreadyAnswered, Expired, NoLongerOpen, Conflict }

public sealed record AnswerResult(AnswerStatus Status, ClosureOutcome? Outcome = null);

/// <summary>The resident's side of the closed loop: read a feedback request by its token, answer it once.</summary>
public static class FeedbackAnswering
{
    /// <summary>Null when the token is unknown (or not a token at all).</summary>
    public static async Task<FeedbackView?> ViewAsync(IQuerySession session, string token, DateTimeOffset now, CancellationToken ct)
    {
        if (!FeedbackToken.LooksValid(token)) return null;
        var invitation = await session.LoadAsync<FeedbackInvitation>(FeedbackToken.Hash(token), ct);
        if (invitation is null) return null;
        var c = await session.Events.AggregateStreamAsync<Case>(invitation.CaseId, token: ct);
        return new(invitation.Category, invitation.BuildingLabel, invitation.ResolutionNote, invitation.DueAt,
            StateOf(invitation, c, now));
    }

    /// <summary>Outboxed, so an unsatisfied answer that reopens the case re-issues its tasks with their deadline timers in
    /// the same transaction.</summary>
    public static async Task<AnswerResult> AnswerAsync(OutboxedSessionFactory sessions, IMessageBus bus, PolicyCatalog policies,
        string token, FeedbackAnswer answer, DateTimeOffset now, CancellationToken ct)
    {
        if (!FeedbackToken.LooksValid(token)) return new(AnswerStatus.UnknownToken);
        await using var session = sessions.OpenSession(bus);
        var invitation = await session.LoadAsync<FeedbackInvitation>(FeedbackToken.Hash(token), ct);
        if (invitation is null) return new(AnswerStatus.UnknownToken);

        var stream = await session.Events.FetchForWriting<Case>(invitation.CaseId, ct);
        switch (StateOf(invitation, stream.Aggregate, now))
        {
            case FeedbackState.Answered: return new(AnswerStatus.AlreadyAnswered);
            case FeedbackState.Expired: return new(AnswerStatus.Expired);
            case FeedbackState.Closed: return new(AnswerStatus.NoLongerOpen);
        }

        var c = stream.Aggregate!;
        var outcome = ClosureDecider.OnAnswer(FeedbackDecisions.PolicyFor(c, policies), answer);
        var events = FeedbackDecisions.Answered(c, policies, invitation.RequestId, answer, outcome, now);
        stream.AppendMany(events);
        await DeadlineTimers.ScheduleAsync(bus, c.Id, events);
        invitation.AnsweredAt = now;
        session.Store(invitation);
        try
        {
            await session.SaveChangesAsync(ct);
            return new(AnswerStatus.Recorded, outcome);
        }
        catch (ConcurrencyException)
        {
            // A second answer (or a staff action) landed between our read and our write: this one did not count.
            return new(AnswerStatus.Conflict);
        }
    }

    private static FeedbackState StateOf(FeedbackInvitation invitation, Case? c, DateTimeOffset now)
    {
        if (invitation.AnsweredAt is not null || c?.Feedback is { Answered: true } f && f.RequestId == invitation.RequestId)
            return FeedbackState.Answered;
        if (!ClosureDecider.AcceptsAnswers(invitation.DueAt, now)) return FeedbackState.Expired;
        return c is not null && c.AwaitsFeedback(invitation.RequestId) ? FeedbackState.Open : FeedbackState.Closed;
    }
}
