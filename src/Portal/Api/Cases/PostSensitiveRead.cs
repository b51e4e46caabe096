using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.Cases;

/// <summary>POST /api/v1/cases/{id}/sensitive-reads with {"purpose": "emergency-response", "purposeText": "..."}:
/// shows the case's sensitive health details to a case worker outside the health station, for a stated purpose
/// (DESIGN.md privacy model). The read is recorded in the audit trail in the same transaction as nothing else:
/// if the entry cannot be written, nothing is shown.</summary>
public static class PostSensitiveRead
{
    public sealed record SensitiveReadBody(string? Purpose, string? PurposeText);

    public static readonly IReadOnlyList<string> HealthFields = ["healthReport.subject", "healthReport.details"];

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/cases/{id:guid}/sensitive-reads",
        async (Guid id, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<SensitiveReadBody>(http.Request, ct, 16 * 1024);
            if (body is null) return problem!;
            if (AccessPurposes.Check(body.Purpose, body.PurposeText) is { } wrong) return Problems.Field(wrong.Field, wrong.Message);
            if (await session.LoadAsync<CaseSummary>(id, ct) is null)
                return Problems.Status(StatusCodes.Status404NotFound, "No such case.");

            var events = await session.Events.FetchStreamAsync(id, token: ct);
            var reports = events.Select(e => e.Data).OfType<HealthReportAttached>()
                .Select(h => new { h.ReportId, h.Kind, h.OccurredAt, subject = h.Sensitive.Subject, details = h.Sensitive.Details })
                .ToList();
            if (reports.Count == 0) return Results.Ok(new { reports });

            await AuditTrail.RecordAsync(session, new AuditRequest(Policies.Actor(http.User), AuditActions.SensitiveRead,
                clock.GetUtcNow(), id, HealthFields, body.Purpose, body.PurposeText!.Trim()), ct);
            await session.SaveChangesAsync(ct);
            return Results.Ok(new { reports });
        }).RequireAuthorization(Policies.CaseWorker);
}
