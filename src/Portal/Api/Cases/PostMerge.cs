using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.Cases;

/// <summary>POST /api/v1/cases/{id}/merge with {"sourceCaseId", "sourceVersion", "expectedVersion"}:
/// moves every item of the source case into this one; both timelines record it.</summary>
public static class PostMerge
{
    public sealed record MergeBody(Guid? SourceCaseId, long? SourceVersion, long? ExpectedVersion);

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/cases/{id:guid}/merge",
        async (Guid id, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<MergeBody>(http.Request, ct, 64 * 1024);
            if (body is null) return problem!;
            var errors = new Dictionary<string, string[]>();
            if (body.SourceCaseId is null) errors["sourceCaseId"] = ["The case to merge into this one is required."];
            if (body.SourceVersion is null) errors["sourceVersion"] = ["Send the version of the source case you saw."];
            if (body.ExpectedVersion is null) errors["expectedVersion"] = ["Send the version of this case you saw."];
            if (errors.Count > 0) return Problems.Fields(errors);

            var (by, now) = (Policies.Actor(http.User), clock.GetUtcNow());
            var result = await CaseCommands.MergeAsync(session, body.SourceCaseId!.Value, body.SourceVersion!.Value, id,
                body.ExpectedVersion!.Value, by, now, ct, new AuditRequest(by, AuditActions.CaseAction, now));
            return PostCaseAction.ToHttp(result);
        }).RequireAuthorization(Policies.CaseWorker);
}
