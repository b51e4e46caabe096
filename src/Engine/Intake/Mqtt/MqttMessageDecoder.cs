using System.Text.Json;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Intake.Vendors;

namespace Cerebellum.Engine.Intake.Mqtt;

/// <summary>What to do with one MQTT message: store these signals, or drop it for a reason.</summary>
public sealed record MqttDecision(IReadOnlyList<SignalSubmission> Signals, string? DropReason)
{
    public static MqttDecision Drop(string reason) => new([], reason);
    public static MqttDecision Drop(IReadOnlyDictionary<string, string[]> errors) =>
        new([], string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
}

/// <summary>Pure decoding of an MQTT message into signals. The profile is chosen by topic first (a
/// vendor's own topic), then by the publishing gateway; otherwise the payload is our own JSON. The
/// device id in the standard topic fills a missing deviceId; the gateway (or the configured source in
/// external-broker mode) fills a missing source.</summary>
public static class MqttMessageDecoder
{
    public static MqttDecision Decode(
        string topic, ReadOnlySpan<byte> payload, Gateway? gateway, string defaultSource, VendorCatalog vendors, DateTimeOffset now)
    {
        if (SignalTopic.Parse(topic) is not { } parsed)
            return MqttDecision.Drop($"topic '{topic}' is not under communities/{{community}}/");
        if (gateway is not null && parsed.Community != gateway.CommunityId)
            return MqttDecision.Drop($"gateway '{gateway.Id}' belongs to community '{gateway.CommunityId}', not '{parsed.Community}'");

        var profile = vendors.ForTopic(topic) ?? (parsed.DeviceId is not null && gateway is not null ? vendors.ForGateway(gateway) : null);
        if (profile is null && parsed.DeviceId is null)
            return MqttDecision.Drop($"no vendor profile matches topic '{topic}'; devices publish on {SignalTopic.Filter}");

        JsonElement body;
        try
        {
            body = JsonSerializer.Deserialize<JsonElement>(payload, Serialization.Json);
        }
        catch (JsonException e)
        {
            return MqttDecision.Drop($"the payload is not valid JSON: {e.Message}");
        }

        var source = gateway?.Id ?? defaultSource;
        List<SignalSubmission> batch;
        if (profile is not null)
        {
            var mapped = VendorMapper.Map(profile, body, new ChannelDefaults(source, parsed.DeviceId)).Validated(now);
            if (!mapped.Succeeded) return MqttDecision.Drop(mapped.Errors);
            batch = mapped.Signals.Select(s => s.Submission).ToList();
        }
        else
        {
            var (read, isArray, shapeErrors) = SignalJson.Read(body);
            if (shapeErrors.Count > 0) return MqttDecision.Drop(shapeErrors);
            foreach (var s in read)
            {
                s.Source ??= source;
                s.DeviceId ??= parsed.DeviceId;
            }
            var errors = SignalValidation.Validate(read, isArray, now);
            if (errors.Count > 0) return MqttDecision.Drop(errors);
            batch = read;
        }

        if (gateway is not null && SignalJson.ForeignSources(batch, batch.Count > 1, gateway.Id) is { Count: > 0 } foreign)
            return MqttDecision.Drop(foreign);
        return new MqttDecision(batch, null);
    }
}
