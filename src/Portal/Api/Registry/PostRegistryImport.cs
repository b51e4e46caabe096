using System.Text;
using Cerebellum.Engine.Registry.Importing;
using Microsoft.AspNetCore.Http.Features;

namespace Cerebellum.Portal.Api.Registry;

/// <summary>POST /api/v1/registry/import: CSV and JSON files as multipart/form-data, or one JSON document as
/// the body. All or nothing: 200 with counts, or 400 with every error (file, row, field, reason).</summary>
public static class PostRegistryImport
{
    public const long MaxBodyBytes = 64 * 1024 * 1024;

    public sealed record ImportSucceeded(ImportCounts Imported);

    // No antiforgery token: API clients cannot get one. The cookie is SameSite=Lax, so a cross-site form
    // cannot post it, and a JSON body from another site needs a CORS preflight this host never grants.
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/registry/import", HandleAsync).AdminOnly().DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpRequest request, RegistryImporter importer, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;

        List<ImportFile> files;
        try
        {
            files = request.HasFormContentType ? await FormFilesAsync(request, ct)
                : request.HasJsonContentType() ? [new ImportFile("body.json", await ReadAsync(request.Body, ct))]
                : [];
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than {MaxBodyBytes} bytes.");
        }
        if (!request.HasFormContentType && !request.HasJsonContentType())
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType,
                "Send files as multipart/form-data or one registry document as application/json.");

        var result = await importer.ImportAsync(files, ct);
        if (result.Succeeded) return Results.Ok(new ImportSucceeded(result.Counts!));
        return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: "The registry import has invalid rows; nothing was stored.",
            detail: $"{result.Errors.Count} error(s).",
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
    }

    private static async Task<List<ImportFile>> FormFilesAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var files = new List<ImportFile>();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            files.Add(new ImportFile(Path.GetFileName(file.FileName), await ReadAsync(stream, ct)));
        }
        return files;
    }

    // UTF-8 unless the file says otherwise with a byte-order mark (spreadsheets often write one).
    private static async Task<string> ReadAsync(Stream stream, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }
}
