using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Feedback;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.ManualEntries;
using Cerebellum.Engine.Privacy.Retention;
using Cerebellum.Portal.Resources;
using Microsoft.Extensions.Localization;

namespace Cerebellum.Portal.Components.Shared;

/// <summary>One timeline event in plain language, in the current UI culture: the case page and the case dossier PDF
/// read the same way. The event must already be redacted to the viewer's clearance.</summary>
public static class TimelineText
{
    public static string Describe(IStringLocalizer<SharedResource> L, object data) => data switch
    {
        CaseOpened e => $"{Display.Code(L, "Kind", e.Kind)} · {Display.Shown(L, e.Location.Label)}",
        SignalAttached e => L["Timeline_Signal", e.DeviceId, e.Source, e.Severity, Display.Local(e.OccurredAt)],
        ComplaintAttached e => L["Timeline_Complaint", e.ServiceCode, Display.Shown(L, e.Channel), Display.Shown(L, e.Description)],
        RiskAssessed e => L["Timeline_Assessed", L[$"Level_{e.Level}"], Display.Code(L, "Category", e.Category),
            string.Join("、", e.Parties.Select(p => Display.Code(L, "Party", p.ToString()))), $"{e.PackId} v{e.PackVersion}",
            string.Join(", ", e.FiredRuleIds)],
        AssessmentFailed e => L["Timeline_AssessmentFailed", $"{e.PackId} v{e.PackVersion}", e.RuleId ?? "?", e.Message],
        HealthReportAttached e => L["Timeline_Health", Display.Code(L, "Kind", e.Kind), e.Severity, Display.Local(e.OccurredAt)],
        ManualEntryAttached e => L["Timeline_Manual", Display.Shown(L, e.By), Display.Shown(L, e.Description)],
        CaseDataErased e => L["Timeline_Erased", L[$"Class_{e.From.ToString().ToLowerInvariant()}"], Display.Code(L, "ErasureReason", e.Reason)],
        TaskAssigned e => L["Timeline_Task", Display.Code(L, "Party", e.Party.ToString()),
            e.OfficeName == "" ? L["Unassigned"] : e.OfficeName, Display.Local(e.DueAt), e.Sla],
        TaskAccepted e => L["Timeline_TaskAccepted", e.TaskKey, e.By],
        TaskRejected e => L["Timeline_TaskRejected", e.TaskKey, e.ToOfficeName, e.Reason],
        TaskHandedOff e => L["Timeline_TaskHandedOff", e.TaskKey, e.ToOfficeName, e.Reason],
        AssistanceRequested e => L["Timeline_Assistance", e.TaskKey, Display.Code(L, "Party", e.Party.ToString()), e.Reason],
        TaskNoteAdded e => L["Timeline_TaskNote", e.By, e.Note],
        TaskResolved e => L["Timeline_TaskResolved", e.TaskKey, e.Outcome],
        TaskReissued e => L["Timeline_TaskReissued", e.TaskKey, e.OfficeName == "" ? L["Unassigned"] : e.OfficeName, Display.Local(e.DueAt), e.Sla],
        SlaBreached e => L["Timeline_SlaBreached", e.TaskKey, Display.Local(e.DueAt)],
        CaseEscalated e => L["Timeline_Escalated", e.Step + 1, e.To, e.TaskKey, string.Join("、", e.Notify)],
        FeedbackRequested e => L["Timeline_FeedbackRequested", L[$"Recipient_{e.Recipient}"], Display.Local(e.DueAt)],
        FeedbackReceived e => L["Timeline_FeedbackReceived", e.Satisfied ? L["Feedback_Satisfied"] : L["Feedback_Unsatisfied"], e.Rating, e.Comment ?? ""],
        FeedbackConcluded e => L[e.Reopened ? "Timeline_FeedbackReopened" : "Timeline_FeedbackClosed", L[$"CloseReason_{e.Reason}"]],
        _ => "",
    };
}
