using Cerebellum.Engine.Privacy;
using System.Security.Cryptography;
using System.Text;

namespace Cerebellum.Engine.Intake.Signals;

/// <summary>A durably accepted signal. Its id is derived from (source, messageId), which makes a
/// repeat of the same message land on the same document: the idempotency key is the primary key.</summary>
public sealed class SignalRecord
{
    [Public]
    public Guid Id { get; set; }
    [Internal]
    public string Source { get; set; } = "";
    [Internal]
    public string MessageId { get; set; } = "";
    [Internal(MaskFormat.Unit)]
    public string DeviceId { get; set; } = "";
    [Public]
    public string Kind { get; set; } = "";
    [Public]
    public int Severity { get; set; }
    [Public]
    public DateTimeOffset OccurredAt { get; set; }
    [Public]
    public DateTimeOffset ReceivedAt { get; set; }
    [Public]
    public SignalLocation? Location { get; set; }
    [Personal]
    public string? PayloadJson { get; set; }
    [Public]
    public Guid? CaseId { get; set; }
    [Public]
    public DateTimeOffset? ProcessedAt { get; set; }

    public static Guid IdFor(string source, string messageId)
    {
        // Name-based UUID (RFC 9562 v5 style): stable across nodes and restarts.
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"cerebellum/signal\n{source}\n{messageId}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static SignalRecord From(SignalSubmission s, DateTimeOffset receivedAt) => new()
    {
        Id = IdFor(s.Source!, s.MessageId!),
        Source = s.Source!,
        MessageId = s.MessageId!,
        DeviceId = s.DeviceId!,
        Kind = s.Kind!,
        Severity = s.Severity ?? 0,
        OccurredAt = SignalValidation.ParseOccurredAt(s.OccurredAt!)!.Value,
        ReceivedAt = receivedAt,
        Location = s.Location,
        PayloadJson = s.Payload?.GetRawText(),
    };
}
