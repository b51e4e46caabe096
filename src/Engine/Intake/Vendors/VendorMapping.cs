using Cerebellum.Engine.Intake.Signals;

namespace Cerebellum.Engine.Intake.Vendors;

/// <summary>What the channel knows that the vendor JSON may not say: the authenticated gateway (the
/// source) and, on MQTT, the device id in the topic.</summary>
public sealed record ChannelDefaults(string? Source, string? DeviceId);

/// <summary>One signal mapped from vendor JSON, with the vendor path each of our fields came from so
/// that a later validation error can name the vendor's field, not ours.</summary>
public sealed record MappedSignal(SignalSubmission Submission, IReadOnlyDictionary<string, string> VendorPaths);

/// <summary>Either signals or errors keyed by vendor field path (e.g. <c>Events[1].Code</c>).</summary>
public sealed record VendorMappingResult(IReadOnlyList<MappedSignal> Signals, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Maps, then runs the same validation as our own JSON, reporting at vendor paths.</summary>
    public VendorMappingResult Validated(DateTimeOffset now)
    {
        if (!Succeeded) return this;
        var errors = new Dictionary<string, string[]>();
        foreach (var signal in Signals)
            foreach (var (field, messages) in SignalValidation.Validate([signal.Submission], isArray: false, now))
            {
                var top = field.Split('.')[0];
                var at = signal.VendorPaths.TryGetValue(field, out var path) ? path
                    : signal.VendorPaths.TryGetValue(top, out path) ? path : field;
                errors[at] = messages;
            }
        return errors.Count == 0 ? this : new VendorMappingResult([], errors);
    }
}
