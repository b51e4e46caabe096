using Cerebellum.Engine.Exports.EthicsReview;
using Cerebellum.Portal.Accounts;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Cerebellum.Portal.Api.Exports;

/// <summary>POST /api/v1/exports/ethics-review with {"from", "to", "scope"?: compound id or "all", "language"?: "zh-CN" |
/// "en"}: queues the ethics review pack; 202 with the job, whose progress GET /api/v1/exports/{id} reports.</summary>
public static class PostEthicsReview
{
    public sealed record EthicsReviewBody(DateTimeOffset? From, DateTimeOffset? To, string? Scope, string? Language);

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/exports/ethics-review",
        async (HttpContext http, OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<EthicsReviewBody>(http.Request, ct, 16 * 1024);
            if (body is null) return problem!;
            var errors = new Dictionary<string, string[]>();
            if (body.From is null) errors["from"] = ["from (ISO 8601 with offset) is required."];
            if (body.To is null) errors["to"] = ["to (ISO 8601 with offset) is required."];
            var language = body.Language ?? "zh-CN";
            if (language is not ("zh-CN" or "en")) errors["language"] = ["language is zh-CN or en."];
            var scope = string.IsNullOrWhiteSpace(body.Scope) ? EthicsReviewCollector.AllScope : body.Scope.Trim();
            if (scope.Length > 64) errors["scope"] = ["scope is a compound id or all."];
            if (errors.Count == 0 && EthicsReviewExport.Check(body.From!.Value, body.To!.Value) is { } wrong) errors[wrong.Field] = [wrong.Message];
            if (errors.Count > 0) return Problems.Fields(errors);

            var job = await EthicsReviewExport.RequestAsync(sessions, bus, body.From!.Value, body.To!.Value, scope, language,
                Policies.Actor(http.User), clock.GetUtcNow(), ct);
            return Results.Accepted($"/api/v1/exports/{job.Id}", job);
        }).RequireAuthorization(Policies.Auditor);
}
