using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Feedback;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Cases.Tasks;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Cerebellum.Engine.Notifications;

/// <summary>
/// Turns case events into follow-up work: a task assigned → mail to the office; a case resolved → ask the
/// resident (回访). A Marten async-daemon subscription: it reads events after they are committed, however
/// they were appended (a Wolverine handler or a portal endpoint), and publishes the messages in the same
/// transaction that records its progress, so every event is relayed once even across crashes.
/// When first activated it starts shortly before start-up: an upgraded installation does not mail its whole past.
/// A step of 督办 (CaseEscalated) → mail to the offices it names.
/// </summary>
public sealed class CaseFollowUpSubscription : BatchSubscription
{
    public const string Name = "case-follow-up";

    public CaseFollowUpSubscription() : base(Name)
    {
        IncludeType<TaskAssigned>();
        IncludeType<CaseResolved>();
        IncludeType<CaseEscalated>();
        // First activation only (afterwards the stored progress decides): from a little before this process started,
        // not "from the present". The daemon activates a few seconds after start-up, and an alarm in those seconds of a
        // fresh installation must still be mailed; a few minutes of history mailed on an upgrade is the lesser harm.
        Options.SubscribeFromTime(DateTimeOffset.UtcNow - FirstRunLookBack);
    }

    public static readonly TimeSpan FirstRunLookBack = TimeSpan.FromMinutes(10);

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        foreach (var e in page.Events)
        {
            object? message = e switch
            {
                IEvent<TaskAssigned> t => new NotifyTaskAssigned(e.Id, t.Data.CaseId, t.Data.Party, t.Data.OfficeId, t.Data.DueAt),
                IEvent<CaseResolved> r => new RequestFeedback(e.Id, r.Data.CaseId, r.Data.At, r.Data.Note),
                IEvent<CaseEscalated> x => new NotifyEscalated(e.Id, x.Data.CaseId, x.Data.TaskKey, x.Data.Step, x.Data.To, x.Data.Notify, x.Data.DueAt),
                _ => null,
            };
            if (message is not null) await bus.PublishAsync(message);
        }
    }
}
