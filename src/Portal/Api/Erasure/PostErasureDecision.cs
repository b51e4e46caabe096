using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Privacy.Requests;
using Cerebellum.Engine.Privacy.Retention;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.Erasure;

/// <summary>POST /api/v1/erasure-requests/{id}/approve and …/reject ({"note": "…"}, required to reject): an administrator
/// or supervisor decides. Approving erases the case's personal and sensitive data at once (Marten event data masking
/// and every document; a CaseDataErased event and an erased audit entry) and answers 200 with what was erased; 409 when
/// the request was already decided or the case has been reopened since.</summary>
public static class PostErasureDecision
{
    public sealed record Body(string? Note);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/erasure-requests/{id:guid}/approve",
            async (Guid id, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.LightweightSession();
                if (await session.LoadAsync<ErasureRequest>(id, ct) is not { } request)
                    return Problems.Status(StatusCodes.Status404NotFound, "No such erasure request.");
                if (ErasureRequestRules.DecisionRefusal(request) is { } decided)
                    return Problems.Status(StatusCodes.Status409Conflict, "The request cannot be approved.", decided);
                if (await session.LoadAsync<CaseSummary>(request.CaseId, ct) is { } summary && ErasureRequestRules.Refusal(summary) is { } refusal)
                    return Problems.Status(StatusCodes.Status409Conflict, "The personal data of this case cannot be erased now.", refusal);

                var now = clock.GetUtcNow();
                var actor = Policies.Actor(http.User);
                var outcome = await CaseErasure.EraseAsync(store, request.CaseId, DataClass.Personal, "resident-request", actor, request.Id, now, ct);
                if (outcome is null)
                    return Problems.Status(StatusCodes.Status409Conflict, "The personal data of this case cannot be erased now.",
                        "The case was reopened: its personal data are needed to handle it.");

                request.Status = ErasureRequestStatus.Done;
                request.DecidedBy = actor;
                request.DecidedAt = now;
                // The resident's own words may name them: the request keeps that it was made, not what it said.
                request.Reason = request.Reason is null ? null : Cerebellum.Engine.Privacy.Erasure.Marker;
                session.Store(request);
                await session.SaveChangesAsync(ct);
                return Results.Ok(new { request = ErasureRequestView.From(request), outcome.EventsMasked, outcome.DocumentsErased });
            }).RequireAuthorization(Policies.ErasureApprover);

        app.MapPost("/api/v1/erasure-requests/{id:guid}/reject",
            async (Guid id, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<Body>(http.Request, ct, 16 * 1024);
                if (body is null) return problem!;
                if (body.Note?.Trim() is not { Length: >= 4 and <= 500 } note)
                    return Problems.Field("note", "Say why the request is rejected (4–500 characters): the resident is told.");
                if (await session.LoadAsync<ErasureRequest>(id, ct) is not { } request)
                    return Problems.Status(StatusCodes.Status404NotFound, "No such erasure request.");
                if (ErasureRequestRules.DecisionRefusal(request) is { } decided)
                    return Problems.Status(StatusCodes.Status409Conflict, "The request cannot be rejected.", decided);
                request.Status = ErasureRequestStatus.Rejected;
                request.DecidedBy = Policies.Actor(http.User);
                request.DecidedAt = clock.GetUtcNow();
                request.DecisionNote = note;
                session.Store(request);
                await session.SaveChangesAsync(ct);
                return Results.Ok(ErasureRequestView.From(request));
            }).RequireAuthorization(Policies.ErasureApprover);
    }
}
