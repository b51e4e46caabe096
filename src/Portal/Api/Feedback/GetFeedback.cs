using Cerebellum.Engine.Cases.Feedback;
using Marten;

namespace Cerebellum.Portal.Api.Feedback;

/// <summary>GET /api/v1/feedback/{token}: what the resident holding the link may see — category, building-level
/// location, the resolution note, the deadline and whether an answer is still possible. Anonymous: the token
/// is the credential. Nothing personal (no names, phones, unit) is ever in the answer.</summary>
public static class GetFeedback
{
    public sealed record FeedbackAnswer(string Category, string Location, string ResolutionNote, DateTimeOffset DueAt, string State);

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/v1/feedback/{token}",
        async (string token, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var view = await FeedbackAnswering.ViewAsync(session, token, clock.GetUtcNow(), ct);
            return view is null
                ? UnknownToken()
                : Results.Ok(new FeedbackAnswer(view.Category, view.BuildingLabel, view.ResolutionNote, view.DueAt,
                    view.State.ToString().ToLowerInvariant()));
        }).AllowAnonymous();

    public static IResult UnknownToken() =>
        Problems.Status(StatusCodes.Status404NotFound, "No such feedback request.",
            "The link is not valid. Check that it was copied whole from the mail.");
}
