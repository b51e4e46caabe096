using Cerebellum.Engine.Privacy;
using System.Text.Json;

namespace Cerebellum.Engine.Intake.Signals;

/// <summary>One signal as a gateway sends it (DESIGN.md "External interfaces"). Every field is nullable
/// so that a missing field is reported by name instead of silently defaulting.</summary>
public sealed class SignalSubmission
{
    public string? Source { get; set; }
    public string? MessageId { get; set; }
    public string? DeviceId { get; set; }
    public string? Kind { get; set; }
    public string? OccurredAt { get; set; }
    public int? Severity { get; set; }
    public SignalLocation? Location { get; set; }
    public JsonElement? Payload { get; set; }
}

/// <summary>Where an unregistered device says it is.</summary>
public sealed record SignalLocation(
    [property: Public] string? Compound, [property: Public] string? Building, [property: Internal(MaskFormat.Unit)] string? Unit);
