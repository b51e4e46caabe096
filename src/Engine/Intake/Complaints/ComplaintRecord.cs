using System.Security.Cryptography;
using Cerebellum.Engine.Cases.Opening;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>A resident's contact details. Personal data (DESIGN.md privacy model): stored for the
/// parties on the case, never shown through the public Open311 reads, kept out of the event stream.</summary>
public sealed record ResidentContact(string? FirstName, string? LastName, string? Phone, string? Email);

/// <summary>Where the resident says the problem is. Address text and coordinates are as given;
/// <see cref="Registry"/> is the registry place resolved from Open311's address_id.</summary>
public sealed record ComplaintLocation(string? AddressText, string? AddressId, double? Lat, double? Long, Place Registry)
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
    public Guid Id { get; set; }
    public string Token { get; set; } = "";
    public string ServiceCode { get; set; } = "";

    /// <summary>The complaint category of the service (noise, leak, parking, ...): Trigger.Kind for rules.</summary>
    public string Kind { get; set; } = "";

    public string Description { get; set; } = "";
    public ComplaintLocation Location { get; set; } = new(null, null, null, null, Place.Unknown);
    public ResidentContact? Contact { get; set; }
    public string? MediaUrl { get; set; }
    public string? DeviceId { get; set; }
    public string? AccountId { get; set; }
    public Dictionary<string, string[]> Attributes { get; set; } = [];

    /// <summary>The API client whose key submitted it ("open311:{client}" is the trigger's source).</summary>
    public string ClientId { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }
    public Guid? CaseId { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    public string Channel => $"open311:{ClientId}";

    /// <summary>An unguessable token: anyone holding it may learn the request id, nobody can enumerate them.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
