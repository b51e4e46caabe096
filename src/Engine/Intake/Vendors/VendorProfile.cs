namespace Cerebellum.Engine.Intake.Vendors;

/// <summary>A declarative mapping from one vendor's JSON to the signal shape (docs/gateways.md).
/// Loaded from samples/vendors/*.yaml; <see cref="Loading.VendorProfileLoader"/> guarantees every
/// part is valid, so mapping never meets a malformed rule.</summary>
public sealed record VendorProfile(
    string Id,
    string Title,
    ProfileMatch Match,
    JsonPath? Batch,
    FieldRules Fields,
    string File);

/// <summary>How a profile is chosen: by the gateway that sends, by the HTTP route name, or by the
/// MQTT topic the message arrives on.</summary>
public sealed record ProfileMatch(IReadOnlyList<string> Gateways, string? Route, IReadOnlyList<string> Topics);

/// <summary>One rule per signal field. Source is optional: the channel knows the authenticated gateway.</summary>
public sealed record FieldRules(
    FieldRule? Source,
    FieldRule MessageId,
    FieldRule? DeviceId,
    FieldRule Kind,
    TimeRule OccurredAt,
    FieldRule? Severity,
    FieldRule? Compound,
    FieldRule? Building,
    FieldRule? Unit);

/// <summary>Where a value comes from: a path into the vendor JSON, or a constant; then an optional
/// value map (vendor code → our value) and a default when the path is absent.</summary>
public sealed record FieldRule(
    JsonPath? Path,
    string? Constant,
    IReadOnlyDictionary<string, string>? Map,
    string? Default);

public enum TimeFormat { Iso, UnixSeconds, UnixMilliseconds, Pattern }

/// <summary>How a vendor writes time. A pattern without an offset needs a time zone.</summary>
public sealed record TimeRule(FieldRule Value, TimeFormat Format, string? Pattern, TimeZoneInfo? TimeZone);
