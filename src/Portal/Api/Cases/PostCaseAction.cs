using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Portal.Accounts;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Engine.Policies;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Cerebellum.Portal.Api.Cases;

/// <summary>POST /api/v1/cases/{id}/{start|resolve|close|reopen|cancel} with
/// {"expectedVersion": n, "note": "..."} (reason for reopen and cancel). 200 with the new version;
/// 409 when the case changed since the caller loaded it; 422 when the state machine refuses.</summary>
public static class PostCaseAction
{
    public sealed record CaseActionBody(long? ExpectedVersion, string? Note, string? Reason);

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/cases/{id:guid}/{action}",
        async (Guid id, string action, HttpContext http, OutboxedSessionFactory sessions, IMessageBus bus, PolicyCatalog policies,
            TimeProvider clock, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<CaseActionBody>(http.Request, ct, 64 * 1024);
            if (body is null) return problem!;
            if (body.ExpectedVersion is not { } expected)
                return Problems.Field("expectedVersion", "Send the case version you acted on (expectedVersion).");
            var by = Policies.Actor(http.User);
            var now = clock.GetUtcNow();
            var text = body.Note ?? body.Reason ?? "";
            Func<Case, Decision>? decide = action switch
            {
                "start" => c => CaseTransitions.StartWork(c, by, body.Note, now),
                "resolve" => c => CaseTransitions.Resolve(c, by, text, now),
                "close" => c => CaseTransitions.Close(c, by, body.Note, now),
                "reopen" => c => TaskReopening.Reopen(c, policies, by, text, now), // tasks re-issued with fresh deadlines
                "cancel" => c => CaseTransitions.Cancel(c, by, text, now),
                _ => null,
            };
            if (decide is null)
                return Problems.Field("action", "Unknown action; use start, resolve, close, reopen or cancel.", StatusCodes.Status404NotFound);

            // Outboxed, so the deadline timers of re-issued tasks commit with the events.
            await using var session = sessions.OpenSession(bus);
            return ToHttp(await CaseCommands.RunAsync(session, id, expected, decide, ct, bus,
                new AuditRequest(by, AuditActions.CaseAction, now, Detail: action)));
        }).RequireAuthorization(Policies.CaseWorker);

    public static IResult ToHttp(CaseCommandResult result) => result.Status switch
    {
        CaseCommandStatus.Done => Results.Ok(new { version = result.Version }),
        CaseCommandStatus.NotFound => Problems.Status(StatusCodes.Status404NotFound, "No such case."),
        CaseCommandStatus.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "The case has changed since you loaded it.", detail: result.Problem,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = result.Version }),
        _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The case cannot do that now.",
            detail: result.Problem, extensions: new Dictionary<string, object?> { ["currentVersion"] = result.Version }),
    };
}
