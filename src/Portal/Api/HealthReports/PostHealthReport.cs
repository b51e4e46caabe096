using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Portal.Accounts;

namespace Cerebellum.Portal.Api.HealthReports;

/// <summary>POST /api/v1/health-reports, by health-station staff. 201 with the case the report joined;
/// a repeat of the same reportId answers the same case and stores nothing new.</summary>
public static class PostHealthReport
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/health-reports",
        async (HttpContext http, HealthReportIntake intake, TimeProvider clock, CancellationToken ct) =>
        {
            var (report, problem) = await JsonBody.ReadAsync<HealthReportSubmission>(http.Request, ct);
            if (report is null) return problem!;
            var errors = HealthReportValidation.Validate(report, clock.GetUtcNow());
            if (errors.Count > 0) return Problems.Fields(errors);

            var station = http.User.FindFirst("office")?.Value ?? Policies.Actor(http.User);
            var stored = await intake.AcceptAsync(station, report, ct);
            return Results.Created($"/api/v1/cases/{stored.CaseId}", new { id = stored.Id, caseId = stored.CaseId });
        }).RequireAuthorization(Policies.HealthStation);
}
