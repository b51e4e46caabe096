using Cerebellum.Engine.Audit;
using Cerebellum.Portal.Accounts;
using Marten;
using Marten.Pagination;

namespace Cerebellum.Portal.Api.Audit;

/// <summary>GET /api/v1/audit?actor=&amp;action=&amp;caseId=&amp;from=&amp;to=&amp;page=&amp;pageSize=: the audit trail for
/// auditors, newest first. Filters combine; times are ISO 8601 with offset.</summary>
public static class GetAuditEntries
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/v1/audit",
        async (HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var q = new QueryParsing(http.Request.Query);
            var query = session.Query<AuditEntryView>().AsQueryable();
            if (q.Text("actor") is { } actor) query = query.Where(x => x.Actor == actor);
            if (q.Text("action") is { } action) query = query.Where(x => x.Action == action);
            if (q.Text("caseId") is { } caseText)
            {
                if (Guid.TryParse(caseText, out var caseId)) query = query.Where(x => x.CaseId == caseId);
                else q.Errors["caseId"] = ["caseId must be a case id (a GUID)."];
            }
            if (q.Instant("from") is { } from) query = query.Where(x => x.At >= from);
            if (q.Instant("to") is { } to) query = query.Where(x => x.At < to);
            var page = q.Number("page", 1, 1, 100_000);
            var pageSize = q.Number("pageSize", 50, 1, 500);
            if (q.Errors.Count > 0) return Problems.Fields(q.Errors);

            var entries = await query.OrderByDescending(x => x.Id).ToPagedListAsync(page, pageSize, ct);
            return Results.Ok(new { total = entries.TotalItemCount, page, pageSize, entries });
        }).RequireAuthorization(Policies.Auditor);
}
