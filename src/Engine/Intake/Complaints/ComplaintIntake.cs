using Wolverine;
using Wolverine.Marten.Publishing;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>Asks the engine to turn a stored complaint into (or onto) a case. Queued through the
/// durable outbox in the same transaction that stores the complaint.</summary>
public sealed record ProcessComplaint(Guid ComplaintId);

/// <summary>Stores a validated complaint and queues its processing; returns once PostgreSQL has committed.</summary>
public sealed class ComplaintIntake(OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock)
{
    public async Task<ComplaintRecord> AcceptAsync(ComplaintRecord complaint, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        complaint.Id = Guid.CreateVersion7(now);
        complaint.Token = ComplaintRecord.NewToken();
        complaint.RequestedAt = now;

        await using var session = sessions.OpenSession(bus);
        session.Insert(complaint);
        await bus.PublishAsync(new ProcessComplaint(complaint.Id));
        await session.SaveChangesAsync(ct);
        return complaint;
    }
}
