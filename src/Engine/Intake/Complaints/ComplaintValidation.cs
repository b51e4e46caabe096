using System.Globalization;
using Cerebellum.Engine.Cases.Opening;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>Pure validation of a submission against the service's definition. Every problem is
/// reported at once, each naming the field, so a client can fix its form in one go.</summary>
public static class ComplaintValidation
{
    public const int MaxDescription = 4000; // request.json: description maxLength
    public const int MaxShortField = 128;

    /// <summary>Checks the submission; <paramref name="registryPlace"/> is what the registry made of
    /// address_id (null when address_id is absent or unknown).</summary>
    public static List<ComplaintProblem> Validate(ComplaintSubmission s, ComplaintService? service, Place? registryPlace)
    {
        var problems = new List<ComplaintProblem>();
        void Bad(string message) => problems.Add(new ComplaintProblem(400, message));

        if (string.IsNullOrWhiteSpace(s.ServiceCode)) Bad("service_code was not provided");
        else if (service is null) problems.Add(new ComplaintProblem(404, $"service_code '{s.ServiceCode}' was not found"));

        var hasLatLong = !string.IsNullOrWhiteSpace(s.Lat) || !string.IsNullOrWhiteSpace(s.Long);
        if (!hasLatLong && string.IsNullOrWhiteSpace(s.AddressString) && string.IsNullOrWhiteSpace(s.AddressId))
            Bad("a location is required: lat and long, address_string or address_id");
        if (hasLatLong)
        {
            if (ParseCoordinate(s.Lat, 90) is null) Bad("lat must be a WGS84 latitude between -90 and 90");
            if (ParseCoordinate(s.Long, 180) is null) Bad("long must be a WGS84 longitude between -180 and 180");
        }
        if (!string.IsNullOrWhiteSpace(s.AddressId) && registryPlace is null)
            Bad($"address_id '{s.AddressId}' is not a unit or building of this jurisdiction");

        if (s.Description is { Length: > MaxDescription }) Bad($"description is at most {MaxDescription} characters");
        foreach (var (name, value) in new[]
                 {
                     ("address_string", s.AddressString), ("email", s.Email), ("device_id", s.DeviceId),
                     ("account_id", s.AccountId), ("first_name", s.FirstName), ("last_name", s.LastName), ("phone", s.Phone),
                 })
            if (value is { Length: > MaxShortField }) Bad($"{name} is at most {MaxShortField} characters");
        if (!string.IsNullOrWhiteSpace(s.Email) && !IsEmail(s.Email)) Bad("email is not an e-mail address");
        if (!string.IsNullOrWhiteSpace(s.MediaUrl) &&
            !(Uri.TryCreate(s.MediaUrl, UriKind.Absolute, out var media) && media.Scheme is "http" or "https"))
            Bad("media_url must be an absolute http or https URL");

        if (service is not null) ValidateAttributes(s, service, Bad);
        return problems;
    }

    private static void ValidateAttributes(ComplaintSubmission s, ComplaintService service, Action<string> bad)
    {
        foreach (var attribute in service.Attributes.Where(a => a.Variable))
        {
            var values = s.Attributes.TryGetValue(attribute.Code, out var given)
                ? given.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray()
                : [];
            var name = $"attribute[{attribute.Code}]";
            if (values.Length == 0)
            {
                if (attribute.Required) bad($"{name} is required for service '{service.Code}'");
                continue;
            }
            if (values.Length > 1 && attribute.Datatype != AttributeDatatypes.MultiValueList)
                bad($"{name} takes one value");
            foreach (var value in values)
            {
                var ok = attribute.Datatype switch
                {
                    AttributeDatatypes.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                    AttributeDatatypes.Datetime => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                    AttributeDatatypes.SingleValueList or AttributeDatatypes.MultiValueList => attribute.Values.Any(v => v.Key == value),
                    _ => value.Length <= MaxDescription,
                };
                if (!ok)
                    bad(AttributeDatatypes.IsList(attribute.Datatype)
                        ? $"{name}: '{value}' is not one of {string.Join(", ", attribute.Values.Select(v => v.Key))}"
                        : $"{name}: '{value}' is not a valid {attribute.Datatype}");
            }
        }
    }

    public static double? ParseCoordinate(string? text, double limit) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= limit
            ? value
            : null;

    private static bool IsEmail(string text)
    {
        var at = text.IndexOf('@');
        return at > 0 && at == text.LastIndexOf('@') && text.IndexOf('.', at) > at + 1 && !text.Any(char.IsWhiteSpace);
    }

    /// <summary>The record to store for a valid submission (id, token and time are set on acceptance).</summary>
    public static ComplaintRecord ToRecord(ComplaintSubmission s, ComplaintService service, Place? registryPlace, string clientId)
    {
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        var contact = new ResidentContact(Clean(s.FirstName), Clean(s.LastName), Clean(s.Phone), Clean(s.Email));
        var declared = service.Attributes.Where(a => a.Variable).Select(a => a.Code).ToHashSet();
        return new ComplaintRecord
        {
            ServiceCode = service.Code,
            Kind = service.Category,
            Description = s.Description?.Trim() ?? "",
            Location = new ComplaintLocation(Clean(s.AddressString), Clean(s.AddressId),
                ParseCoordinate(s.Lat, 90), ParseCoordinate(s.Long, 180), registryPlace ?? Place.Unknown),
            Contact = contact is { FirstName: null, LastName: null, Phone: null, Email: null } ? null : contact,
            MediaUrl = Clean(s.MediaUrl),
            DeviceId = Clean(s.DeviceId),
            AccountId = Clean(s.AccountId),
            // Only declared attributes are kept: an undeclared one is nobody's field to read.
            Attributes = s.Attributes.Where(a => declared.Contains(a.Key))
                .ToDictionary(a => a.Key, a => a.Value.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray()),
            ClientId = clientId,
        };
    }
}
