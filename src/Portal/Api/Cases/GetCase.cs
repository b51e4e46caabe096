using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Timeline;
using Cerebellum.Engine.Privacy;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.Cases;

/// <summary>GET /api/v1/cases/{id}: the case summary and its full timeline (every event, in order), redacted to the
/// viewer's clearance on this case (docs/privacy.md). <c>clearance</c> says which class the viewer sees in full.</summary>
public static class GetCase
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/v1/cases/{id:guid}",
        async (Guid id, HttpContext http, IQuerySession session, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        {
            var summary = await session.LoadAsync<CaseSummary>(id, ct);
            if (summary is null) return Problems.Status(StatusCodes.Status404NotFound, "No such case.");
            var clearance = (await Viewers.ForAsync(http.User, session, ct)).On(summary);
            var timeline = await CaseTimeline.LoadAsync(session, id, ct);
            if (PersonalDataReads.ShowsPersonalData(timeline.Select(e => e.Data), clearance))
                await PersonalDataReads.RecordAsync(store, Policies.Actor(http.User), id, $"case {id}", clearance, clock.GetUtcNow(), ct);
            return Results.Ok(new
            {
                @case = Redaction.ToJson(summary, clearance),
                clearance = clearance.ToString().ToLowerInvariant(),
                timeline = timeline.Select(e => new { e.Version, at = e.Timestamp, type = e.EventType, data = Redaction.ToJson(e.Data, clearance) }),
            });
        }).RequireAuthorization();
}
