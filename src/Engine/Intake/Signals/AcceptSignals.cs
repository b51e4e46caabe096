using Cerebellum.Engine.Registry;
using Marten;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Cerebellum.Engine.Intake.Signals;

/// <summary>Asks the engine to process a stored signal into a case.</summary>
public sealed record ProcessSignal(Guid SignalId);

/// <summary>Asks the engine to process the signals of one accepted batch. Sent through the durable outbox
/// in the same transaction that stores them, so a stored signal is never forgotten; one message per
/// batch rather than per signal keeps the outbox from costing more than the signals themselves.</summary>
public sealed record ProcessSignals(IReadOnlyList<Guid> SignalIds);

/// <summary>Stores validated signals and queues their processing. Returns the signal ids in input
/// order once PostgreSQL has committed them; repeats answer the stored id and store nothing.</summary>
public sealed class SignalIntake(OutboxedSessionFactory sessions, IDocumentStore store, IMessageBus bus, TimeProvider clock)
{
    public async Task<IReadOnlyList<Guid>> AcceptAsync(IReadOnlyList<SignalSubmission> batch, CancellationToken ct)
    {
        using var activity = Observability.Telemetry.Source.StartActivity("cerebellum.signals.accept");
        activity?.SetTag("cerebellum.batch.size", batch.Count);
        var now = clock.GetUtcNow();
        var records = batch.Select(s => SignalRecord.From(s, now)).ToList();

        // A concurrent request may store the same (source, messageId) between our read and our
        // insert; the next pass then finds it and stores nothing new.
        return await RaceRetry.RunAsync<IReadOnlyList<Guid>>(async () =>
        {
            await StoreNewAsync(records, ct);
            return records.Select(r => r.Id).ToList();
        });
    }

    /// <summary>A signal from a device the registry does not know, and that does not say where it is,
    /// could not be routed to anyone: refuse it so the gateway's operator hears about it.</summary>
    public async Task<Dictionary<string, string[]>> UnplaceableDevicesAsync(
        IReadOnlyList<SignalSubmission> batch, bool isArray, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unplaced = batch.Select((s, i) => (s, i))
            .Where(x => x.s.Location is not { } l || (l.Compound is null && l.Building is null && l.Unit is null)).ToList();
        if (unplaced.Count == 0) return errors;

        await using var session = store.QuerySession();
        var known = (await session.LoadManyAsync<Device>(ct, unplaced.Select(x => x.s.DeviceId!).Distinct().ToArray()))
            .Select(d => d.Id).ToHashSet();
        foreach (var (s, i) in unplaced.Where(x => !known.Contains(x.s.DeviceId!)))
            errors[isArray ? $"[{i}].deviceId" : "deviceId"] =
                [$"Device '{s.DeviceId}' is not registered; register it or send its location (compound, building, unit)."];
        return errors;
    }

    private async Task StoreNewAsync(List<SignalRecord> records, CancellationToken ct)
    {
        await using var session = sessions.OpenSession(bus);
        var ids = records.Select(r => r.Id).Distinct().ToArray();
        var existing = (await session.LoadManyAsync<SignalRecord>(ct, ids)).Select(r => r.Id).ToHashSet();

        var stored = new List<Guid>();
        foreach (var record in records)
        {
            if (!existing.Add(record.Id)) continue; // stored before, or repeated within this batch
            session.Insert(record);
            stored.Add(record.Id);
        }
        if (stored.Count == 0) return;
        await bus.PublishAsync(new ProcessSignals(stored));
        await session.SaveChangesAsync(ct);
    }
}
