using System.Globalization;
using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Timeline;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Privacy;
using Cerebellum.Portal.Accounts;
using Cerebellum.Portal.Resources;
using Marten;
using Microsoft.Extensions.Localization;

namespace Cerebellum.Portal.Api.Cases;

/// <summary>GET /api/v1/cases/{id}/dossier.pdf?lang=zh-CN|en: the case on paper (summary, tasks, items, timeline),
/// redacted to the requester's clearance on the case exactly as GET /api/v1/cases/{id} is, with who asked and when in
/// every page's footer. Same access rule as the case API; an <c>exported</c> audit entry (detail "dossier") commits
/// before the file is sent: no entry, no file.</summary>
public static class GetCaseDossier
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/v1/cases/{id:guid}/dossier.pdf",
        async (Guid id, string? lang, HttpContext http, IDocumentSession session, IStringLocalizer<SharedResource> localizer,
            TimeProvider clock, CancellationToken ct) =>
        {
            var language = lang ?? "zh-CN";
            if (language is not ("zh-CN" or "en")) return Problems.Field("lang", "lang is zh-CN or en.");
            var summary = await session.LoadAsync<CaseSummary>(id, ct);
            if (summary is null) return Problems.Status(StatusCodes.Status404NotFound, "No such case.");

            var clearance = (await Viewers.ForAsync(http.User, session, ct)).On(summary);
            var timeline = (await CaseTimeline.LoadAsync(session, id, ct)).Select(e => e with { Data = Redaction.Copy(e.Data, clearance) }).ToList();
            var complaints = (await CaseComplaints.LoadAsync(session, id, ct)).Select(c => Redaction.Copy(c, clearance)).ToList();
            var actor = Policies.Actor(http.User);
            var now = clock.GetUtcNow();
            var contents = new CaseDossierPdf.Contents(Redaction.Copy(summary, clearance), clearance, timeline, complaints, actor, now);

            var culture = CultureInfo.CurrentUICulture;
            byte[] pdf;
            try
            {
                CultureInfo.CurrentUICulture = new CultureInfo(language);
                pdf = CaseDossierPdf.Render(contents, localizer);
            }
            finally { CultureInfo.CurrentUICulture = culture; }

            await AuditTrail.RecordAsync(session, new AuditRequest(actor, AuditActions.Exported, now, id,
                Detail: "dossier"), ct);
            await session.SaveChangesAsync(ct);
            return Results.File(pdf, "application/pdf", $"case-{id:N}-dossier.pdf");
        }).RequireAuthorization();
}
