using Cerebellum.Engine.Privacy;
using System.Security.Cryptography;
using Cerebellum.Engine.Cases.Opening;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>A resident's contact details. Personal data (DESIGN.md privacy model): stored for the
/// parties on the case, never shown through the public Open311 reads, kept out of the event stream.</summary>
public sealed record ResidentContact(
    [property: Personal(MaskFormat.Name)] string? FirstName, [property: Personal(MaskFormat.Name)] string? LastName,
    [property: Personal(MaskFormat.Mobile)] string? Phone, [property: Personal(MaskFormat.Email)] string? Email);

/// <summary>Where the resident says the problem is. Address text and coordinates are as given; the coordinates are
/// public as Open311 publishes them (a point resolves to a building, not a flat), the address text is case text;
/// <see cref="Registry"/> is the registry place resolved from Open311's address_id.</summary>
public sealed record ComplaintLocation(
    [property: Internal(MaskFormat.FreeText)] string? AddressText, [property: Internal(MaskFormat.Unit)] string? AddressId,
    [property: Public] double? Lat, [property: Public] double? Long, [property: Public] Place Registry)
{
    /// <summary>For a handler when the registry does not know the place: the address as written, else the coordinates.</summary>
    public string Describe() =>
        AddressText ?? (Lat is { } lat && Long is { } lon
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lat:0.######}, {lon:0.######}")
            : "");
}

/// <summary>A durably accepted complaint (Open311 service request). The id is the service_request_id
/// once processed; until then the client holds only the token.</summary>
public sealed class ComplaintRecord
{
    [Public]
    public Guid Id { get; set; }
    [Internal]
    public string Token { get; set; } = "";
    [Public]
    public string ServiceCode { get; set; } = "";

    /// <summary>The complaint category of the service (noise, leak, parking, ...): Trigger.Kind for rules.</summary>
    [Public]
    public string Kind { get; set; } = "";

    [Internal(MaskFormat.FreeText)]
    public string Description { get; set; } = "";
    [Public]
    public ComplaintLocation Location { get; set; } = new(null, null, null, null, Place.Unknown);
    [Personal]
    public ResidentContact? Contact { get; set; }
    [Personal]
    public string? MediaUrl { get; set; }
    [Personal]
    public string? DeviceId { get; set; }
    [Personal]
    public string? AccountId { get; set; }
    [Internal(MaskFormat.FreeText)]
    public Dictionary<string, string[]> Attributes { get; set; } = [];

    /// <summary>The API client whose key submitted it ("open311:{client}" is the trigger's source).</summary>
    [Internal]
    public string ClientId { get; set; } = "";

    [Public]
    public DateTimeOffset RequestedAt { get; set; }
    [Public]
    public Guid? CaseId { get; set; }
    [Public]
    public DateTimeOffset? ProcessedAt { get; set; }

    [Internal]
    public string Channel => $"open311:{ClientId}";

    /// <summary>An unguessable token: anyone holding it may learn the request id, nobody can enumerate them.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
