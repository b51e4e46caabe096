using System.Text.Json;
using Cerebellum.Engine;
using Microsoft.AspNetCore.Http.Features;

namespace Cerebellum.Portal.Api.Signals;

/// <summary>Reads a JSON request body with the signal endpoints' size limit and problem answers.</summary>
public static class JsonBody
{
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    public static async Task<(JsonElement Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (!request.HasJsonContentType())
            return (default, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the signals as application/json."));
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
            return (default, Problems.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes."));
        }
    }
}
