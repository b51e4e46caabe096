using System.Globalization;
using System.Text.RegularExpressions;

namespace Cerebellum.Engine.Intake.Signals;

/// <summary>Pure validation of submitted signals. Errors are keyed by the JSON path of the field at
/// fault (e.g. "[3].occurredAt") so a gateway can fix exactly that field.</summary>
public static partial class SignalValidation
{
    public const int MaxBatch = 1000;
    public const int MaxIdLength = 128;
    public const int MaxPayloadBytes = 16 * 1024;

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex KindPattern();

    [GeneratedRegex(@"[+-]\d{2}:\d{2}$|Z$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();

    /// <summary>Device clocks drift, but not by more than this; later is a broken clock or a forgery.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromHours(1);

    /// <summary>Gateways buffer while offline; older than this is not news any more and would skew history.</summary>
    public static readonly TimeSpan MaxBehind = TimeSpan.FromDays(30);

    public static Dictionary<string, string[]> Validate(IReadOnlyList<SignalSubmission> batch, bool isArray, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (batch.Count == 0) errors["$"] = ["At least one signal is required."];
        if (batch.Count > MaxBatch) errors["$"] = [$"A batch holds at most {MaxBatch} signals; got {batch.Count}."];
        for (var i = 0; i < batch.Count && errors.Count < 100; i++)
            Validate(batch[i], isArray ? $"[{i}]." : "", now, errors);
        return errors;
    }

    private static void Validate(SignalSubmission s, string prefix, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        void Fail(string field, string message) => errors[prefix + field] = [message];

        RequireId(s.Source, "source", Fail);
        RequireId(s.MessageId, "messageId", Fail);
        RequireId(s.DeviceId, "deviceId", Fail);
        if (string.IsNullOrWhiteSpace(s.Kind)) Fail("kind", "The signal kind is required (e.g. \"smoke\").");
        else if (!KindPattern().IsMatch(s.Kind)) Fail("kind", "A kind is lowercase letters, digits and dashes (e.g. \"water-leak\").");

        if (string.IsNullOrWhiteSpace(s.OccurredAt)) Fail("occurredAt", "occurredAt is required, as ISO 8601 with an offset.");
        else if (ParseOccurredAt(s.OccurredAt) is not { } at)
            Fail("occurredAt", "occurredAt must be ISO 8601 with an offset, e.g. 2026-11-28T03:12:00+08:00.");
        else if (TimeProblem(at, now) is { } problem)
            Fail("occurredAt", problem);

        if (s.Severity is < 0 or > 5) Fail("severity", "severity is from 0 to 5.");
        if (s.Location is { } loc)
        {
            // Optional, but held to the same rules as ids: PostgreSQL's jsonb cannot store \u0000.
            if (loc.Compound is not null) RequireId(loc.Compound, "location.compound", Fail);
            if (loc.Building is not null) RequireId(loc.Building, "location.building", Fail);
            if (loc.Unit is not null) RequireId(loc.Unit, "location.unit", Fail);
        }
        if (s.Payload is { } payload && payload.GetRawText().Length > MaxPayloadBytes)
            Fail("payload", $"payload is limited to {MaxPayloadBytes} bytes.");
    }

    private static void RequireId(string? value, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value)) fail(field, $"{field} is required.");
        else if (value.Length > MaxIdLength) fail(field, $"{field} is at most {MaxIdLength} characters.");
        else if (value.Any(char.IsControl)) fail(field, $"{field} must not contain control characters.");
    }

    /// <summary>Why an item's time cannot be right, or null when it can.</summary>
    public static string? TimeProblem(DateTimeOffset at, DateTimeOffset now) =>
        at > now + MaxAhead ? $"occurredAt is more than {MaxAhead.TotalHours:0} hour in the future; check the device clock."
        : at < now - MaxBehind ? $"occurredAt is more than {MaxBehind.TotalDays:0} days in the past."
        : null;

    /// <summary>Only instants with an explicit offset are accepted: a bare local time is ambiguous.</summary>
    public static DateTimeOffset? ParseOccurredAt(string text) =>
        OffsetPattern().IsMatch(text.Trim()) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : null;
}
