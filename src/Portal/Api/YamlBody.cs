using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Cerebellum.Portal.Api;

/// <summary>Reads a YAML document sent as the request body (rule authors post the file as it is), turning a
/// wrong content type or an oversized body into an RFC 9457 problem before anything is parsed.</summary>
public static class YamlBody
{
    public const long MaxBytes = 1024 * 1024;

    private static readonly string[] MediaTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    public static async Task<(string? Text, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBytes + 1;
        if (request.ContentLength > MaxBytes) return (null, TooLarge());
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType,
                "Send the definition's YAML text as application/yaml or text/plain."));
        try
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var buffer = new char[MaxBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            return read > MaxBytes ? (null, TooLarge()) : (new string(buffer, 0, read), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    private static IResult TooLarge() => Problems.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes} bytes.");
}
