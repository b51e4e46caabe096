namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>A service request as a client submits it (Open311 POST requests fields, as text, before
/// validation). <see cref="Attributes"/> maps an attribute code to its value(s).</summary>
public sealed record ComplaintSubmission
{
    public string? ServiceCode { get; init; }
    public string? Lat { get; init; }
    public string? Long { get; init; }
    public string? AddressString { get; init; }
    public string? AddressId { get; init; }
    public string? Email { get; init; }
    public string? DeviceId { get; init; }
    public string? AccountId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? Description { get; init; }
    public string? MediaUrl { get; init; }
    public IReadOnlyDictionary<string, string[]> Attributes { get; init; } = new Dictionary<string, string[]>();
}

/// <summary>One thing wrong with a submission, with the HTTP status the Open311 spec gives it
/// (400 missing or invalid, 404 unknown service).</summary>
public sealed record ComplaintProblem(int Status, string Description);
