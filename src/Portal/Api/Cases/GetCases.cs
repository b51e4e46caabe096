using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Privacy;
using Cerebellum.Portal.Accounts;
using Cerebellum.Rules;
using Marten;

namespace Cerebellum.Portal.Api.Cases;

/// <summary>GET /api/v1/cases: filters status, level, category, office, compound, building, from, to
/// (opened), overdue, escalated (督办 taken, still active), active; paging with page and pageSize (≤ 200).</summary>
public static class GetCases
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/v1/cases",
        async (HttpRequest request, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var q = new QueryParsing(request.Query);
            var filter = new CaseFilter(
                q.Enum<CaseStatus>("status"), q.Enum<RiskLevel>("level"), q.Text("category"), q.Text("office"),
                q.Text("compound"), q.Text("building"), q.Instant("from"), q.Instant("to"), q.Flag("overdue"), q.Flag("active"),
                q.Number("page", 1, 1, 100_000), q.Number("pageSize", 50, 1, CaseFilter.MaxPageSize), q.Flag("escalated"));
            if (q.Errors.Count > 0) return Problems.Fields(q.Errors);

            var page = await CaseQuery.FindAsync(session, filter, clock.GetUtcNow(), ct);
            // Each row redacted to the viewer's clearance on that case: the unit and its label are internal.
            var viewer = await Viewers.ForAsync(request.HttpContext.User, session, ct);
            var items = page.Items.Select(s => Redaction.ToJson(s, viewer.On(s))).ToList();
            return Results.Ok(new { items, total = page.Total, page = page.Page, pageSize = page.PageSize });
        }).RequireAuthorization();
}
