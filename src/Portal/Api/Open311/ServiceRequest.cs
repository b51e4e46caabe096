using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Complaints;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>The public face of a service request (GET requests, requests/{id}), built from the complaint as redacted
/// for a public viewer (Privacy.Redaction), so only public fields can reach it. Public data only
/// (DESIGN.md privacy model): no names, phone, e-mail, device or account ids (personal), no description,
/// media or unit number (internal case text and place); the address is the building, as registered.</summary>
public sealed record ServiceRequest(
    string ServiceRequestId, string Status, string? StatusNotes, string? ServiceName, string ServiceCode,
    string? AgencyResponsible, string RequestedDatetime, string? UpdatedDatetime, string? ExpectedDatetime,
    string? Address, string? AddressId, double? Lat, double? Long)
{
    public static ServiceRequest From(ComplaintRecord complaint, CaseSummary? summary, ServiceCatalogue catalogue)
    {
        var open = summary?.IsActive ?? true;
        var pending = summary?.Tasks.Where(t => t.State is not ("done" or "rejected")).ToList() ?? [];
        var offices = pending.Select(t => t.OfficeName).Where(n => n != "").Distinct().ToList();
        return new ServiceRequest(
            complaint.Id.ToString(),
            open ? "open" : "closed",
            summary is null ? null : NotesFor(summary, offices),
            catalogue.Find(complaint.ServiceCode) is { } service ? Language.Pick(service.Name) : null,
            complaint.ServiceCode,
            offices.Count == 0 ? null : string.Join(Language.Pick("、", ", "), offices),
            Open311Response.Datetime(complaint.RequestedAt)!,
            Open311Response.Datetime(summary?.LastActivityAt ?? complaint.ProcessedAt),
            open && pending.Count > 0 ? Open311Response.Datetime(pending.Min(t => t.DueAt)) : null,
            summary is { BuildingLabel: not "" } ? summary.BuildingLabel : null,
            summary is { BuildingId: not "" } ? summary.BuildingId : null,
            complaint.Location.Lat,
            complaint.Location.Long);
    }

    private static string NotesFor(CaseSummary s, IReadOnlyList<string> offices)
    {
        var who = string.Join(Language.Pick("、", ", "), offices);
        var status = s.Status switch
        {
            CaseStatus.Open or CaseStatus.Assessed => Language.Pick("已受理", "Received"),
            CaseStatus.Dispatched => offices.Count == 0 ? Language.Pick("已派单", "Dispatched") : Language.Pick($"已派单至{who}", $"Dispatched to {who}"),
            CaseStatus.InProgress => Language.Pick("处理中", "In progress"),
            CaseStatus.Resolved => Language.Pick("已办结，待回访", "Resolved; awaiting your confirmation"),
            CaseStatus.Closed => Language.Pick("已办结", "Closed"),
            CaseStatus.Reopened => Language.Pick("已重新办理", "Reopened"),
            CaseStatus.Merged => Language.Pick("已并入其他工单", "Merged into another case"),
            CaseStatus.Cancelled => Language.Pick("已撤销", "Cancelled"),
            _ => s.Status.ToString(),
        };
        if (s.Level is not { } level) return status;
        var levelName = Language.Pick(
            level.ToString().ToLowerInvariant() switch
            {
                "red" => "红色（特别严重）", "orange" => "橙色（严重）", "yellow" => "黄色（较重）", _ => "蓝色（一般）",
            },
            level.ToString().ToLowerInvariant());
        var together = s.ComplaintCount + s.SignalCount;
        var others = together > 1 ? Language.Pick($"；同一事件共{together}条反映", $"; {together} reports on the same case") : "";
        return Language.Pick($"{status}；风险等级{levelName}{others}", $"{status}; risk level {levelName}{others}");
    }
}
