using Cerebellum.Engine.Exports;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.Exports;

/// <summary>GET /api/v1/exports (the 50 newest jobs), GET /api/v1/exports/{id} (one job and its progress) and
/// GET /api/v1/exports/{id}/files/{name} (a produced file). Auditors only.</summary>
public static class GetExports
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/api/v1/exports").RequireAuthorization(Policies.Auditor);
        exports.MapGet("", async (IQuerySession session, CancellationToken ct) =>
            Results.Ok(await session.Query<ExportJob>().OrderByDescending(j => j.RequestedAt).Take(50).ToListAsync(ct)));
        exports.MapGet("/{id:guid}", async (Guid id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<ExportJob>(id, ct) is { } job ? Results.Ok(job) : Problems.Status(404, "No such export."));
        exports.MapGet("/{id:guid}/files/{name}", async (Guid id, string name, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<ExportFile>(ExportFile.IdFor(id, name), ct) is { } file
                ? Results.File(file.Content, file.ContentType, file.Name)
                : Problems.Status(404, "No such file: the export may still be running."));
    }
}
