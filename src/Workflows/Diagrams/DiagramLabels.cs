using System.Globalization;
using Cerebellum.Rules;

namespace Cerebellum.Workflows.Diagrams;

/// <summary>The fixed words of a routing diagram in zh-CN and English (the Workflows library is pure and
/// has no resource files; the portal's resx holds the portal's own words).</summary>
internal sealed class DiagramLabels(DiagramLanguage language)
{
    private bool En => language == DiagramLanguage.En;

    public string Assessment => En ? "Risk assessment" : "风险评估";
    public string Dispatch => En ? "Dispatch in parallel" : "并行派单";
    public string AllTasksDone => En ? "All tasks resolved" : "全部任务办结";
    public string AnyTaskDone => En ? "Tasks resolved" : "任务办结";
    public string Breach => En ? "Deadline passed: SLA breach" : "超时（SLA 违约）";
    public string Overdue => En ? "overdue" : "超时";
    public string StillOverdue => En ? "still overdue" : "仍未办结";
    public string Closed => En ? "Closed" : "结案";
    public string Satisfied => En ? "satisfied or no answer" : "满意或逾期未答复";
    public string Unsatisfied => En ? "unsatisfied" : "不满意";
    public string Reopen => En ? "Reopened: tasks issued again" : "重新打开，重新派单";
    public string Resolved => En ? "resolved" : "办结";

    public string Title(LocalizedText title) => En ? title.En : title.ZhCn;

    public string Version(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);

    public string Party(Party party) => (party, En) switch
    {
        (Rules.Party.Police, false) => "公安（派出所）",
        (Rules.Party.Property, false) => "物业",
        (Rules.Party.Street, false) => "街道（社区工作站）",
        (Rules.Party.Health, false) => "社区卫生服务站",
        (Rules.Party.Resident, false) => "居民",
        (Rules.Party.Police, true) => "Police",
        (Rules.Party.Property, true) => "Property management",
        (Rules.Party.Street, true) => "Street office",
        (Rules.Party.Health, true) => "Health station",
        _ => "Resident",
    };

    public string Level(RiskLevel level) => (level, En) switch
    {
        (RiskLevel.Red, false) => "红",
        (RiskLevel.Orange, false) => "橙",
        (RiskLevel.Yellow, false) => "黄",
        (RiskLevel.Blue, false) => "蓝",
        _ => level.Name(),
    };

    public string When(TaskRule task)
    {
        var trigger = task.When == TaskTrigger.Always
            ? (En ? "always" : "每案必派")
            : (En ? "if the assessment names it" : "评估点名时");
        return task.MinLevel switch
        {
            null or RiskLevel.Blue => trigger,
            RiskLevel.Red => trigger + (En ? ", red only" : "，仅红色"),
            { } min => trigger + (En ? $", {min.Name()} and above" : $"，{Level(min)}色及以上"),
        };
    }

    public string SlaHeading => En ? "SLA: " : "时限：";
    public string AllLevels => En ? "every level" : "各级";

    public string Duration(DurationSpec spec)
    {
        var n = spec.Amount.ToString(CultureInfo.InvariantCulture);
        return (spec.Unit, En) switch
        {
            (DurationUnit.Minutes, false) => n + "分钟",
            (DurationUnit.Hours, false) => n + "小时",
            (DurationUnit.Days, false) => n + "天",
            (DurationUnit.WorkingDays, false) => n + "个工作日",
            (DurationUnit.Minutes, true) => n + " min",
            (DurationUnit.Hours, true) => n + " h",
            (DurationUnit.Days, true) => n + (spec.Amount == 1 ? " day" : " days"),
            _ => n + (spec.Amount == 1 ? " working day" : " working days"),
        };
    }

    public string EscalationStep(int number, EscalationStep step)
    {
        var delay = DurationSpec.TryParse(step.AfterText, out var spec, out _) ? Duration(spec) : step.AfterText;
        var when = step.After == TimeSpan.Zero
            ? (En ? "at once" : "立即")
            : (En ? $"after {delay}" : $"超时 {delay} 后");
        return En ? $"Escalation {number}, {when}" : $"督办 {number}（{when}）";
    }

    public string To => En ? "to: " : "移交：";
    public string Notify => En ? "notify: " : "通知：";
    public string Feedback(int days) => En ? $"Resident feedback within {days} days" : $"回访：{days} 天内";
}
