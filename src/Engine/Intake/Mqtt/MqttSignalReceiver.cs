using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Intake.Vendors;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cerebellum.Engine.Intake.Mqtt;

public enum MqttOutcome { Stored, Dropped }

/// <summary>The one MQTT intake path for both modes (embedded server and external broker). Returns only
/// after the signals are committed (Stored) or the rejection is recorded (Dropped); the caller then
/// acknowledges. A storage failure throws, and the caller must not acknowledge.</summary>
public sealed class MqttSignalReceiver(IServiceScopeFactory scopes, IDocumentStore store, VendorCatalog vendors,
    TimeProvider clock, ILogger<MqttSignalReceiver> logger)
{
    public async Task<MqttOutcome> ReceiveAsync(string topic, ReadOnlyMemory<byte> payload, string? clientId,
        Gateway? gateway, string defaultSource, CancellationToken ct)
    {
        var decision = MqttMessageDecoder.Decode(topic, payload.Span, gateway, defaultSource, vendors, clock.GetUtcNow());
        await using var scope = scopes.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<SignalIntake>();
        if (decision.DropReason is null &&
            await intake.UnplaceableDevicesAsync(decision.Signals, decision.Signals.Count > 1, ct) is { Count: > 0 } unplaceable)
            decision = MqttDecision.Drop(unplaceable);
        if (decision.DropReason is { } reason)
        {
            logger.LogWarning("Dropped the MQTT message on {Topic} from {Client}: {Reason}", topic, clientId, reason);
            await using var session = store.LightweightSession();
            session.Store(RejectedMqttMessage.From(topic, clientId, reason, payload.Span, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
            return MqttOutcome.Dropped;
        }

        await intake.AcceptAsync(decision.Signals, ct);
        return MqttOutcome.Stored;
    }
}
