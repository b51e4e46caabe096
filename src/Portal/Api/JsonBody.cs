using System.Text.Json;
using Cerebellum.Engine;
using Microsoft.AspNetCore.Http.Features;

namespace Cerebellum.Portal.Api;

/// <summary>Reads JSON request bodies, turning every way they can be wrong (content type, size, syntax,
/// a field of the wrong type) into an RFC 9457 problem naming the field at fault.</summary>
public static class JsonBody
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public static async Task<(JsonElement Body, IResult? Problem)> ReadElementAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        // Checked here too: not every server enforces the limit before the body is read.
        if (request.ContentLength > maxBytes)
            return (default, Problems.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes."));
        if (!request.HasJsonContentType())
            return (default, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json."));
        try
        {
            return (await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, Serialization.Json, ct), null);
        }
        catch (JsonException e)
        {
            return (default, Problems.Field("$", $"The body is not valid JSON: {e.Message}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, Problems.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes."));
        }
    }

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct,
        long maxBytes = DefaultMaxBytes) where T : class
    {
        var (body, problem) = await ReadElementAsync(request, maxBytes, ct);
        if (problem is not null) return (null, problem);
        if (body.ValueKind != JsonValueKind.Object) return (null, Problems.Field("$", "The body must be a JSON object."));
        return Deserialize<T>(body, "");
    }

    /// <summary>Binds one JSON object; a type error names the field, under the given prefix (e.g. "[3]").</summary>
    public static (T? Value, IResult? Problem) Deserialize<T>(JsonElement element, string prefix) where T : class
    {
        try
        {
            return (element.Deserialize<T>(Serialization.Json), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Field(FieldOf(e, prefix), "This field has the wrong type or format."));
        }
    }

    public static string FieldOf(JsonException e, string prefix)
    {
        var field = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        return prefix == "" ? (field == "" ? "$" : field) : field == "" ? prefix : $"{prefix}.{field}";
    }
}
