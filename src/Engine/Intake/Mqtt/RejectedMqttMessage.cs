using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Intake.Mqtt;

/// <summary>An MQTT message that was acknowledged but not stored as a signal, and why. Bad payloads are
/// dropped rather than left unacknowledged: a broker would redeliver them forever and block the
/// session's queue behind them. This record is how an operator finds them (docs/gateways.md).</summary>
public sealed record RejectedMqttMessage(
    [property: Internal] Guid Id, [property: Internal] string Topic, [property: Internal] string? ClientId, [property: Internal] string Reason,
    [property: Personal] string PayloadExcerpt, [property: Internal] DateTimeOffset ReceivedAt)
{
    public const int ExcerptLength = 2048;

    public static RejectedMqttMessage From(string topic, string? clientId, string reason, ReadOnlySpan<byte> payload, DateTimeOffset at)
    {
        var text = System.Text.Encoding.UTF8.GetString(payload[..Math.Min(payload.Length, ExcerptLength)]);
        return new RejectedMqttMessage(Guid.CreateVersion7(at), Printable(topic), clientId is null ? null : Printable(clientId),
            Printable(reason), Printable(text), at);
    }

    // PostgreSQL's jsonb refuses \u0000: a hostile payload must not make its own rejection record unstorable,
    // or the message would go unacknowledged and be redelivered forever.
    private static string Printable(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsControl(source[i]) && source[i] is not ('\n' or '\t') ? '\uFFFD' : source[i];
        });
}
