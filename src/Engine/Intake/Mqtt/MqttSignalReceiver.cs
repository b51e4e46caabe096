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
        var decision = MqttMessageDecoder.Decode(topic, payload.Span, gateway, defaultSource, vendors);
        if (decision.DropReason is { } reason)
        {
            logger.LogWarning("Dropped the MQTT message on {Topic} from {Client}: {Reason}", topic, clientId, reason);
            await using var session = store.LightweightSession();
            session.Store(RejectedMqttMessage.From(topic, clientId, reason, payload.Span, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
            return MqttOutcome.Dropped;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignalIntake>().AcceptAsync(decision.Signals, ct);
        return MqttOutcome.Stored;
    }
}
