using Cerebellum.Engine.Audit;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.Audit;

/// <summary>GET /api/v1/audit/verification: walks the hash chain and reports the first break, if any.</summary>
public static class GetAuditVerification
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/v1/audit/verification",
        async (IDocumentStore store, CancellationToken ct) => Results.Ok(await AuditTrail.VerifyAsync(store, ct)))
        .RequireAuthorization(Policies.Auditor);
}
