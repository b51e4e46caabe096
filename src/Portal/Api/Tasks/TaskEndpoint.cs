using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Engine.Policies;
using Cerebellum.Portal.Accounts;
using Marten;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Cerebellum.Portal.Api.Tasks;

/// <summary>The fields every task request carries: the case version the caller acted on and its idempotency key.</summary>
public class TaskBody
{
    public long? ExpectedVersion { get; set; }
    public string? OperationId { get; set; }
}

/// <summary>What the six task endpoints share: read and check the body, run the command for the signed-in user,
/// answer as the case endpoints do (200 with the new version; 404, 403, 409 with currentVersion, 422).</summary>
public static class TaskEndpoint
{
    public const int MaxTextLength = 2000;

    /// <param name="build">The action from the body, or the problems of its own fields (field name → messages); it may read reference data.</param>
    public static void Map<TBody>(IEndpointRouteBuilder app, string action, Func<TBody, IQuerySession, Task<(TaskAction?, Dictionary<string, string[]>)>> build)
        where TBody : TaskBody =>
        app.MapPost($"/api/v1/cases/{{id:guid}}/tasks/{{taskKey}}/{action}", async (Guid id, string taskKey, HttpContext http,
            OutboxedSessionFactory sessions, IMessageBus bus, PolicyCatalog policies, TimeProvider clock, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<TBody>(http.Request, ct, 64 * 1024);
            if (body is null) return problem!;
            // Outboxed: the deadline timers of any task this issues commit with the events.
            await using var session = sessions.OpenSession(bus);
            var (taskAction, errors) = await build(body, session);
            if (body.ExpectedVersion is null) errors["expectedVersion"] = ["Send the case version you acted on (expectedVersion)."];
            if (string.IsNullOrWhiteSpace(body.OperationId) || body.OperationId.Length > 128)
                errors["operationId"] = ["Send an operation id of 1 to 128 characters, new for each action (a retry reuses it)."];
            if (errors.Count > 0 || taskAction is null) return Problems.Fields(errors);

            var command = new TaskCommand(id, taskKey, body.ExpectedVersion!.Value, body.OperationId!, Policies.Actor(http.User),
                ActorOffice(http), taskAction);
            return ToHttp(await TaskCommandRunner.RunAsync(session, bus, policies, command, clock.GetUtcNow(), ct));
        }).RequireAuthorization(Policies.CaseWorker);

    /// <summary>A handler acts only on tasks held by their own office; a supervisor (督办) on any. No office, no tasks.</summary>
    private static string? ActorOffice(HttpContext http) => TaskActors.Office(http.User);

    /// <summary>Checks a required free-text field; returns the trimmed text or records the problem.</summary>
    public static string Text(string? value, string field, string missing, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [missing];
        else if (value.Length > MaxTextLength) errors[field] = [$"{field} is at most {MaxTextLength} characters."];
        return value?.Trim() ?? "";
    }

    public static IResult ToHttp(TaskCommandResult result) => result.Status switch
    {
        TaskCommandStatus.Done => Results.Ok(new { version = result.Version }),
        TaskCommandStatus.CaseNotFound => Problems.Status(StatusCodes.Status404NotFound, "No such case."),
        TaskCommandStatus.TaskNotFound => Problems.Status(StatusCodes.Status404NotFound, "No such task.", result.Problem),
        TaskCommandStatus.Forbidden => Problems.Status(StatusCodes.Status403Forbidden, "The task is not with your office.", result.Problem),
        TaskCommandStatus.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "The case has changed since you loaded it.", detail: result.Problem,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = result.Version }),
        TaskCommandStatus.OperationReused => Problems.Field("operationId", result.Problem!, StatusCodes.Status422UnprocessableEntity),
        _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The task cannot do that now.",
            detail: result.Problem, extensions: new Dictionary<string, object?> { ["currentVersion"] = result.Version }),
    };
}
