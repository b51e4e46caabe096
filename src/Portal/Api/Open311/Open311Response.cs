using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cerebellum.Engine.Intake.Complaints;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>The response format chosen by the URL's suffix (services.json, services.xml).</summary>
public enum Open311Format { Json, Xml }

/// <summary>Writes Open311 answers in the spec's shapes: snake_case JSON, or XML with the spec's element
/// names; errors as a list of {code, description} with the HTTP status as the code. The API has its own
/// conventions here, not the rest of the product's (camelCase, problem details), because Open311
/// clients expect exactly these.</summary>
public static class Open311Response
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese names go out as UTF-8 text, not \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record Error(int Code, string Description);

    /// <summary>"json" or "xml"; null for anything else.</summary>
    public static Open311Format? ParseFormat(string? format) => format?.ToLowerInvariant() switch
    {
        "json" => Open311Format.Json,
        "xml" => Open311Format.Xml,
        _ => null,
    };

    public static IResult UnknownFormat(string? format) =>
        Errors(Open311Format.Json, StatusCodes.Status400BadRequest, $"format '{format}' is not supported: use .json or .xml");

    /// <summary>A payload; <paramref name="xmlRoot"/> names its outermost XML element (services, service_requests, ...).</summary>
    public static IResult Ok(Open311Format format, string xmlRoot, object payload, int status = StatusCodes.Status200OK) =>
        format == Open311Format.Json
            ? Results.Json(payload, Json, "application/json; charset=utf-8", status)
            : Results.Content(Open311Xml.Write(xmlRoot, JsonSerializer.SerializeToNode(payload, Json)),
                "text/xml; charset=utf-8", System.Text.Encoding.UTF8, status);

    public static IResult Errors(Open311Format format, int status, params string[] descriptions) =>
        Ok(format, "errors", descriptions.Select(d => new Error(status, d)).ToList(), status);

    /// <summary>Validation problems: a 404 (unknown service) wins over 400s, as the spec lists it separately.</summary>
    public static IResult Problems(Open311Format format, IReadOnlyList<ComplaintProblem> problems)
    {
        var status = problems.Max(p => p.Status);
        return Errors(format, status, problems.Where(p => p.Status == status).Select(p => p.Description).ToArray());
    }

    /// <summary>Open311 datetimes in the community's own offset (Asia/Shanghai, +08:00), to the second.</summary>
    public static string? Datetime(DateTimeOffset? at) =>
        at?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
