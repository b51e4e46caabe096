using Cerebellum.Engine.Intake.ManualEntries;
using Cerebellum.Portal.Accounts;

namespace Cerebellum.Portal.Api.ManualEntries;

/// <summary>POST /api/v1/cases: staff enter what they saw or were told (incl. public-health
/// emergencies, kind "public-health-emergency"). 201 with the case it opened or joined.</summary>
public static class PostManualEntry
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/cases",
        async (HttpContext http, ManualEntryIntake intake, TimeProvider clock, CancellationToken ct) =>
        {
            var (entry, problem) = await JsonBody.ReadAsync<ManualEntrySubmission>(http.Request, ct);
            if (entry is null) return problem!;
            var errors = ManualEntryIntake.Validate(entry, clock.GetUtcNow());
            if (errors.Count > 0) return Problems.Fields(errors);

            var caseId = await intake.AcceptAsync(Policies.Actor(http.User), entry, ct);
            return Results.Created($"/api/v1/cases/{caseId}", new { caseId });
        }).RequireAuthorization(Policies.CaseWorker);
}
