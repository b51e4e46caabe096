using Wolverine;
using Wolverine.Marten.Publishing;
using Cerebellum.Engine.Cases.Feedback;
using Cerebellum.Engine.Policies;
using Cerebellum.Workflows;
using Marten;

namespace Cerebellum.Portal.Api.Feedback;

/// <summary>POST /api/v1/feedback/{token} with {"satisfied": bool, "rating": 1–5, "comment": "…"} (comment
/// optional). Answers once: 200 with what happened to the case, 409 when already answered or the case moved
/// on, 410 when the window has closed, 404 for an unknown token, 400 naming the field at fault.</summary>
public static class PostFeedback
{
    public sealed record FeedbackBody(bool? Satisfied, int? Rating, string? Comment);

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/feedback/{token}",
        async (string token, HttpContext http, OutboxedSessionFactory sessions, IMessageBus bus, PolicyCatalog policies, TimeProvider clock,
            CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<FeedbackBody>(http.Request, ct, 16 * 1024);
            if (body is null) return problem!;
            var errors = new Dictionary<string, string[]>();
            if (body.Satisfied is null) errors["satisfied"] = ["Say whether you are satisfied (true or false)."];
            if (body.Rating is null) errors["rating"] = [$"Rate from {FeedbackAnswer.LowestRating} to {FeedbackAnswer.HighestRating}."];
            var answer = new FeedbackAnswer(body.Satisfied ?? false, body.Rating ?? FeedbackAnswer.LowestRating, body.Comment);
            foreach (var (field, message) in ClosureDecider.Validate(answer)) errors.TryAdd(field, [message]);
            if (errors.Count > 0) return Problems.Fields(errors);

            var result = await FeedbackAnswering.AnswerAsync(sessions, bus, policies, token, answer, clock.GetUtcNow(), ct);
            return result.Status switch
            {
                AnswerStatus.Recorded => Results.Ok(new
                {
                    outcome = result.Outcome!.Reopen ? "reopened" : "closed",
                    reason = Reason(result.Outcome.Reason),
                }),
                AnswerStatus.UnknownToken => GetFeedback.UnknownToken(),
                AnswerStatus.AlreadyAnswered => Problems.Status(StatusCodes.Status409Conflict, "This feedback has already been given.",
                    "A feedback link answers once; the first answer stands."),
                AnswerStatus.Expired => Problems.Status(StatusCodes.Status410Gone, "The time for feedback has passed.",
                    "The case was closed without an answer. To report a new problem, contact the community."),
                AnswerStatus.NoLongerOpen => Problems.Status(StatusCodes.Status409Conflict, "This case no longer waits for feedback.",
                    "The case was closed or reopened by the office handling it."),
                _ => Problems.Status(StatusCodes.Status409Conflict, "The case changed while you answered.",
                    "Open the link again to see where it stands."),
            };
        }).AllowAnonymous();

    public static string Reason(CloseReason reason) => reason switch
    {
        CloseReason.Satisfied => "satisfied",
        CloseReason.Unsatisfied => "unsatisfied",
        _ => "no-response",
    };
}
