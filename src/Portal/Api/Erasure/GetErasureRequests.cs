using Cerebellum.Engine.Privacy.Requests;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.Erasure;

/// <summary>GET /api/v1/erasure-requests?status=pending|done|rejected: the requests to decide (administrators and
/// supervisors), oldest first, at most 500.</summary>
public static class GetErasureRequests
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/v1/erasure-requests",
        async (string? status, IQuerySession session, CancellationToken ct) =>
        {
            var query = session.Query<ErasureRequest>().AsQueryable();
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<ErasureRequestStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                    return Problems.Field("status", "status is one of: pending, done, rejected.");
                query = query.Where(r => r.Status == s);
            }
            var requests = await query.OrderBy(r => r.RequestedAt).Take(500).ToListAsync(ct);
            return Results.Ok(requests.Select(r => new
            {
                r.Id, r.CaseId, status = r.Status.ToString().ToLowerInvariant(), r.RequestedBy, r.Reason, r.RequestedAt, r.DecidedBy,
                r.DecidedAt, r.DecisionNote,
            }));
        }).RequireAuthorization(Policies.ErasureApprover);
}
