using System.Globalization;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Timeline;
using Cerebellum.Engine.Exports.Pdf;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.ManualEntries;
using Cerebellum.Engine.Privacy;
using Cerebellum.Portal.Components.Shared;
using Cerebellum.Portal.Resources;
using Microsoft.Extensions.Localization;

namespace Cerebellum.Portal.Api.Cases;

/// <summary>The single-case dossier, in the current UI culture. Every value it is given has already been through the
/// one redaction step at the requester's clearance (<see cref="Redaction"/>); this only lays it out, with the same
/// plain-language timeline as the case page (<see cref="TimelineText"/>) and the same withheld / erased markers.</summary>
public static class CaseDossierPdf
{
    public sealed record Contents(CaseSummary Case, DataClass Clearance, IReadOnlyList<TimelineEntry> Timeline,
        IReadOnlyList<ComplaintRecord> Complaints, string RequestedBy, DateTimeOffset RequestedAt);

    public static byte[] Render(Contents c, IStringLocalizer<SharedResource> L)
    {
        var s = c.Case;
        var footer = L["Dossier_Footer", c.RequestedBy, Display.Local(c.RequestedAt)];
        using var pdf = new PdfReportWriter($"{L["Dossier_Title"]} {s.Id:N}", footer);
        pdf.Title($"{L["AppTitle"]} · {L["Dossier_Title"]}");
        pdf.Paragraph($"{L["Dossier_Case"]}: {s.Id}");
        pdf.Paragraph($"{L["Dossier_Clearance"]}: {L[$"Dossier_Clearance_{c.Clearance.ToString().ToLowerInvariant()}"]}");

        pdf.Heading(L["Dossier_Summary"]);
        pdf.Table([L["Dossier_Field"], L["Dossier_Value"]], [0.3, 0.7], new List<IReadOnlyList<string>>
        {
            new[] { L["Dossier_Level"].Value, L[$"Level_{s.Level?.ToString() ?? "None"}"].Value },
            new[] { L["Dossier_Category"].Value, $"{Display.Code(L, "Category", s.Category)} · {Display.Code(L, "Kind", s.Kind)}" },
            new[] { L["Col_Location"].Value, Display.Shown(L, s.BuildingLabel) },
            new[] { L["Col_Status"].Value, Display.Code(L, "Status", s.Status.ToString()) },
            new[] { L["Col_Opened"].Value, Display.Local(s.OpenedAt) },
            new[] { L["Dossier_Resolved"].Value, s.ResolvedAt is { } resolved ? Display.Local(resolved) : "—" },
            new[] { L["Dossier_Closed"].Value, s.ClosedAt is { } closed ? Display.Local(closed) : "—" },
        });

        pdf.Heading(L["Dossier_Tasks"]);
        if (s.Tasks.Count == 0) pdf.Paragraph(L["Dossier_None"]);
        else pdf.Table([L["Dossier_Party"], L["Dossier_Office"], L["Dossier_Due"], L["Dossier_State"], L["Dossier_Flags"]],
            [0.13, 0.24, 0.27, 0.13, 0.23], s.Tasks.Select(t => (IReadOnlyList<string>)
            [
                Display.Code(L, "Party", t.Party.ToString()), t.OfficeName == "" ? L["Unassigned"] : t.OfficeName,
                $"{Display.Local(t.DueAt)} · SLA {t.Sla}", Display.Code(L, "TaskState", t.State), Flags(t, L),
            ]));

        pdf.Heading(L["Dossier_Items"]);
        var items = Items(c, L).ToList();
        if (items.Count == 0) pdf.Paragraph(L["Dossier_None"]);
        else pdf.Table([L["Dossier_When"], L["Dossier_ItemKind"], L["Dossier_Detail"]], [0.2, 0.16, 0.64], items);

        pdf.Heading(L["Dossier_Timeline"]);
        pdf.Table([L["Dossier_When"], L["Dossier_Event"], L["Dossier_Detail"]], [0.2, 0.18, 0.62],
            c.Timeline.Select(e => (IReadOnlyList<string>)
                [Display.Local(e.Timestamp), Display.Code(L, "Event", e.EventType), TimelineText.Describe(L, e.Data)]));
        return pdf.ToBytes();
    }

    private static string Flags(TaskSummary t, IStringLocalizer<SharedResource> L) => string.Join("; ", new[]
    {
        t.Breached ? L["Dossier_Breached"].Value : null,
        t.EscalationSteps > 0 ? L["Dossier_Escalated", t.EscalationSteps].Value : null,
    }.Where(f => f is not null));

    // Signals, health reports and manual entries as they joined the case, then the complaints with their contacts.
    private static IEnumerable<IReadOnlyList<string>> Items(Contents c, IStringLocalizer<SharedResource> L)
    {
        foreach (var e in c.Timeline)
            switch (e.Data)
            {
                case SignalAttached signal:
                    yield return [Display.Local(signal.ReceivedAt), L["Dossier_Signal"], TimelineText.Describe(L, signal)];
                    break;
                case HealthReportAttached health:
                    yield return [Display.Local(health.ReceivedAt), L["Dossier_HealthReport"],
                        $"{TimelineText.Describe(L, health)}\n{L["Dossier_Subject"]}: {Display.Shown(L, health.Sensitive.Subject)}\n"
                        + $"{L["Dossier_HealthDetails"]}: {Display.Shown(L, health.Sensitive.Details)}"];
                    break;
                case ManualEntryAttached entry:
                    yield return [Display.Local(entry.At), L["Dossier_ManualEntry"], TimelineText.Describe(L, entry)];
                    break;
            }
        foreach (var complaint in c.Complaints)
            yield return [Display.Local(complaint.RequestedAt), L["Dossier_Complaint"],
                $"{Display.Code(L, "Kind", complaint.Kind)} · {complaint.ServiceCode}\n{Display.Shown(L, complaint.Description)}\n"
                + $"{L["Dossier_Contact"]}: {Contact(complaint, c.Clearance, L)}"];
    }

    // As on the case page: in full within the jurisdiction, masked for a party outside it, and to someone not on the
    // case only that a contact exists.
    private static string Contact(ComplaintRecord c, DataClass clearance, IStringLocalizer<SharedResource> L) =>
        c.Contact is not { } who ? "—"
        : clearance < DataClass.Internal ? L["Complaint_ContactHidden"]
        : string.Join(" ", new[] { who.LastName + who.FirstName, who.Phone, who.Email }
            .Where(s => !string.IsNullOrEmpty(s)).Select(s => Display.Shown(L, s)));
}
