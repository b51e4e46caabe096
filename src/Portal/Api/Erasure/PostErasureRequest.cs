using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Privacy.Requests;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.Erasure;

/// <summary>POST /api/v1/erasure-requests: a resident asks for their personal data on a case to be erased (PIPL art. 47),
/// with their complaint's token ({"token": "…", "reason": "…"}, no sign-in), or staff file it on their behalf
/// ({"caseId": "…", "reason": "…"}, case workers). 201 with the pending request; 409 with the reason while the case is
/// still open or resolved, or when a request for it is already pending; 404 for an unknown token or case.</summary>
public static class PostErasureRequest
{
    public sealed record Body(string? Token, Guid? CaseId, string? Reason);

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/erasure-requests",
        async (HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<Body>(http.Request, ct, 16 * 1024);
            if (body is null) return problem!;
            if (body.Reason is { Length: > ErasureRequestRules.ReasonMaxLength })
                return Problems.Field("reason", $"reason is at most {ErasureRequestRules.ReasonMaxLength} characters.");

            Guid caseId;
            string requestedBy;
            if (!string.IsNullOrWhiteSpace(body.Token))
            {
                var token = body.Token.Trim();
                var complaint = token.Length <= 64
                    ? await session.Query<ComplaintRecord>().Where(c => c.Token == token).FirstOrDefaultAsync(ct) : null;
                if (complaint?.CaseId is not { } id) return Problems.Field("token", "No processed request has this token.", StatusCodes.Status404NotFound);
                (caseId, requestedBy) = (id, "resident");
            }
            else if (body.CaseId is { } id)
            {
                if (http.User.Identity?.IsAuthenticated != true) return Results.Unauthorized();
                if (!http.User.IsInRole("handler") && !http.User.IsInRole("supervisor") && !http.User.IsInRole("admin")) return Results.Forbid();
                (caseId, requestedBy) = (id, Policies.Actor(http.User));
            }
            else return Problems.Field("token", "Send the complaint's token (residents) or the caseId (staff, on the resident's behalf).");

            if (await session.LoadAsync<CaseSummary>(caseId, ct) is not { } summary)
                return Problems.Field("caseId", "No such case.", StatusCodes.Status404NotFound);
            if (ErasureRequestRules.Refusal(summary) is { } refusal)
                return Problems.Status(StatusCodes.Status409Conflict, "The personal data of this case cannot be erased now.", refusal);
            if (await session.Query<ErasureRequest>().Where(r => r.CaseId == caseId && r.Status == ErasureRequestStatus.Pending)
                    .FirstOrDefaultAsync(ct) is { } pending)
                return Problems.Status(StatusCodes.Status409Conflict, "An erasure request for this case is already pending.", $"Request {pending.Id}.");

            var request = new ErasureRequest
            {
                Id = Guid.CreateVersion7(), CaseId = caseId, RequestedBy = requestedBy, Reason = body.Reason?.Trim(),
                RequestedAt = clock.GetUtcNow(), Status = ErasureRequestStatus.Pending,
            };
            session.Insert(request);
            await session.SaveChangesAsync(ct);
            return Results.Created($"/api/v1/erasure-requests/{request.Id}", ErasureRequestView.From(request));
        }).AllowAnonymous();
}

/// <summary>What the API answers about a request (the reason text stays with the deciding staff).</summary>
public sealed record ErasureRequestView(Guid Id, Guid CaseId, string Status, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? DecisionNote)
{
    public static ErasureRequestView From(ErasureRequest r) =>
        new(r.Id, r.CaseId, r.Status.ToString().ToLowerInvariant(), r.RequestedAt, r.DecidedAt, r.DecisionNote);
}
