using Cerebellum.Engine.Intake.Signals;
using Marten;
using Wolverine;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Turns a stored signal into a case item. Everything commits in one transaction (Wolverine's
/// transactional middleware), so a crash leaves either nothing or everything, and the durable inbox
/// re-delivers the message.</summary>
public static class ProcessSignalHandler
{
    public static async Task Handle(
        ProcessSignal message, IDocumentSession session, IMessageContext context, CaseIntake intake, TimeProvider clock,
        CancellationToken ct)
    {
        var signal = await session.LoadAsync<SignalRecord>(message.SignalId, ct);
        if (signal is null || signal.CaseId is not null) return; // already processed: re-delivery is harmless

        var now = clock.GetUtcNow();
        var item = new IncomingItem(signal.Id, "signal", signal.Kind, signal.Severity, signal.OccurredAt, signal.Source,
            signal.DeviceId, "", new ItemLocation(signal.Location?.Compound, signal.Location?.Building, signal.Location?.Unit));
        signal.CaseId = await intake.OpenOrAttachAsync(session, context, item, caseId => new SignalAttached(caseId, signal.Id,
            signal.Source, signal.MessageId, signal.DeviceId, signal.Kind, signal.Severity, signal.OccurredAt,
            signal.ReceivedAt), now, ct);
        signal.ProcessedAt = now;
        session.Store(signal);
    }
}
