using Cerebellum.Engine.Audit;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Cerebellum.Engine.Exports.EthicsReview;

/// <summary>Asks for the pack to be produced in the background.</summary>
public sealed record ProduceEthicsReview(Guid JobId);

/// <summary>The ethics review export: requested over HTTP (job + message in one transaction, so a request is never
/// lost or run twice), produced by a Wolverine handler that reports progress on the job, or produced at once by the
/// command line.</summary>
public static class EthicsReviewExport
{
    public const string Kind = "ethics-review";
    public const string PdfName = "ethics-review.pdf";
    public const string JsonName = "ethics-review.json";
    /// <summary>A review covers at most a year: long enough for an annual review, short enough to stay quick.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    public static (string Field, string Message)? Check(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? ("to", "to must be after from.")
        : to - from > MaxPeriod ? ("to", "A review covers at most 366 days.")
        : null;

    public static async Task<ExportJob> RequestAsync(
        OutboxedSessionFactory sessions, IMessageBus bus, DateTimeOffset from, DateTimeOffset to, string scope, string language,
        string requestedBy, DateTimeOffset now, CancellationToken ct)
    {
        var job = new ExportJob
        {
            Id = Guid.CreateVersion7(now), Kind = Kind, From = from, To = to, Scope = scope, Language = language,
            RequestedBy = requestedBy, RequestedAt = now, Status = ExportStatus.Queued,
        };
        await using var session = sessions.OpenSession(bus);
        session.Store(job);
        await AuditTrail.RecordAsync(session, new AuditRequest(requestedBy, AuditActions.Exported, now,
            Detail: $"{Kind} requested: {from:O} – {to:O}, scope {scope}, job {job.Id}"), ct);
        await bus.PublishAsync(new ProduceEthicsReview(job.Id));
        await session.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>Collects and renders; returns the JSON, its digest and the PDF.</summary>
    public static async Task<(byte[] Json, string Digest, byte[] Pdf)> ProduceAsync(
        IDocumentStore store, DateTimeOffset from, DateTimeOffset to, string scope, string language, string by, DateTimeOffset now,
        Func<int, Task>? progress, CancellationToken ct)
    {
        var bundle = await EthicsReviewCollector.CollectAsync(store, from, to, scope, by, now, progress, ct);
        var json = EthicsReviewDocument.ToJson(bundle);
        var digest = EthicsReviewDocument.Digest(json);
        var pdf = EthicsReviewPdf.Render(bundle, digest, language);
        if (progress is not null) await progress(95);
        return (json, digest, pdf);
    }
}

public static class ProduceEthicsReviewHandler
{
    public static async Task Handle(ProduceEthicsReview message, IDocumentStore store, TimeProvider clock, ILogger<ExportJob> log, CancellationToken ct)
    {
        var job = await LoadAsync(store, message.JobId, ct);
        // A redelivered message for a finished job does nothing: the files are already there.
        if (job is null || job.Status is ExportStatus.Done or ExportStatus.Failed) return;
        await UpdateAsync(store, job, j => { j.Status = ExportStatus.Running; j.Progress = 5; }, ct);
        try
        {
            Func<int, Task> progress = p => UpdateAsync(store, job, j => j.Progress = p, ct);
            var (json, digest, pdf) = await EthicsReviewExport.ProduceAsync(store, job.From, job.To, job.Scope, job.Language,
                job.RequestedBy, job.RequestedAt, progress, ct);
            await using var session = store.LightweightSession();
            session.Store(new ExportFile(ExportFile.IdFor(job.Id, EthicsReviewExport.PdfName), job.Id, EthicsReviewExport.PdfName, "application/pdf", pdf));
            session.Store(new ExportFile(ExportFile.IdFor(job.Id, EthicsReviewExport.JsonName), job.Id, EthicsReviewExport.JsonName, "application/json", json));
            job.Status = ExportStatus.Done;
            job.Progress = 100;
            job.Digest = digest;
            job.CompletedAt = clock.GetUtcNow();
            job.Files = [EthicsReviewExport.PdfName, EthicsReviewExport.JsonName];
            session.Store(job);
            await AuditTrail.RecordAsync(session, new AuditRequest(job.RequestedBy, AuditActions.Exported, clock.GetUtcNow(),
                Detail: $"{job.Kind} produced: job {job.Id}, SHA-256 {digest}"), ct);
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Ethics review export {JobId} failed", job.Id);
            await UpdateAsync(store, job, j => { j.Status = ExportStatus.Failed; j.Error = e.Message; }, ct);
        }
    }

    private static async Task<ExportJob?> LoadAsync(IDocumentStore store, Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ExportJob>(id, ct);
    }

    // Progress is saved as it happens, each step in its own short session, so the portal sees it move.
    private static async Task UpdateAsync(IDocumentStore store, ExportJob job, Action<ExportJob> change, CancellationToken ct)
    {
        change(job);
        await using var session = store.LightweightSession();
        session.Store(job);
        await session.SaveChangesAsync(ct);
    }
}
