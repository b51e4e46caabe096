using System.Globalization;
using Cerebellum.Engine.Exports.Pdf;

namespace Cerebellum.Engine.Exports.EthicsReview;

/// <summary>The committee's reading copy of the bundle, in Chinese or English.</summary>
public static class EthicsReviewPdf
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static byte[] Render(EthicsReviewBundle b, string digest, string language)
    {
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        string T(string chinese, string english) => zh ? chinese : english;
        string At(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        string Day(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Beijing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Case(Guid? id) => id?.ToString("N")[..12] ?? "—";

        using var pdf = new PdfReportWriter(T("伦理审查报告", "Ethics review pack"), $"{T("社区小脑 伦理审查", "Cerebellum ethics review")} · SHA-256 {digest[..16]}…");
        pdf.Title(T("社区小脑 · 隐私与伦理审查报告", "Cerebellum · Privacy and ethics review pack"));
        pdf.Paragraph($"{T("期间", "Period")}: {Day(b.From)} — {Day(b.To)} ({T("北京时间，含起不含止", "Beijing time, end exclusive")})");
        pdf.Paragraph($"{T("范围", "Scope")}: {(b.Scope == EthicsReviewCollector.AllScope ? T("全部小区", "all compounds") : b.Scope)}");
        pdf.Paragraph($"{T("生成", "Generated")}: {At(b.GeneratedAt)} · {b.GeneratedBy}");
        pdf.Paragraph($"{T("数据包摘要", "Bundle digest")} (SHA-256): {digest}");

        pdf.Heading(T("一、案件数量（按类别与等级）", "1. Case volumes by category and level"));
        pdf.Paragraph($"{T("合计", "Total")}: {b.Volumes.Sum(v => v.Cases)}");
        pdf.Table([T("类别", "Category"), T("等级", "Level"), T("案件数", "Cases")], [0.5, 0.3, 0.2],
            b.Volumes.Select(v => (IReadOnlyList<string>)[v.Category, Level(v.Level, zh), v.Cases.ToString(CultureInfo.InvariantCulture)]));

        pdf.Heading(T("二、生效规则包及规则触发次数", "2. Rule packs in force and how often each rule fired"));
        if (b.RulePacks.Count == 0) pdf.Paragraph(T("期间内无风险研判记录。", "No assessments in the period."));
        foreach (var pack in b.RulePacks)
        {
            pdf.Paragraph($"{pack.PackId} v{pack.Version}: {pack.Assessments} {T("次研判", "assessments")}");
            pdf.Table([T("规则", "Rule"), T("触发次数", "Fired")], [0.75, 0.25],
                pack.Rules.Select(r => (IReadOnlyList<string>)[r.RuleId, r.Fired.ToString(CultureInfo.InvariantCulture)]));
        }

        pdf.Heading(T("三、敏感数据访问及目的", "3. Access to sensitive data and its purpose"));
        if (b.SensitiveAccesses.Count == 0) pdf.Paragraph(T("期间内无超出权限的敏感数据访问。", "No access above clearance in the period."));
        else pdf.Table([T("时间", "When"), T("账号", "Account"), T("案件", "Case"), T("目的", "Purpose"), T("说明", "Explanation")],
            [0.17, 0.13, 0.17, 0.18, 0.35],
            b.SensitiveAccesses.Select(a => (IReadOnlyList<string>)[At(a.At), a.Actor, Case(a.CaseId), a.Purpose ?? "", a.PurposeText ?? ""]));

        pdf.Heading(T("四、数据删除", "4. Erasures"));
        if (b.Erasures.Count == 0) pdf.Paragraph(T("期间内无数据删除。", "No erasures in the period."));
        else pdf.Table([T("时间", "When"), T("执行", "By"), T("案件", "Case"), T("说明", "Detail")], [0.2, 0.15, 0.2, 0.45],
            b.Erasures.Select(e => (IReadOnlyList<string>)[At(e.At), e.Actor, Case(e.CaseId), e.Detail ?? ""]));

        pdf.Heading(T("五、向城市大脑共享的数据", "5. Shared upward with the City Brain"));
        if (b.SharedUpward.Count == 0) pdf.Paragraph(T("期间内未向城市大脑共享数据。", "Nothing was shared with the City Brain in the period."));
        else pdf.Table([T("类型（仅去标识化数据）", "Kind (de-identified only)"), T("条数", "Records")], [0.75, 0.25],
            b.SharedUpward.Select(s => (IReadOnlyList<string>)[s.Kind, s.Count.ToString(CultureInfo.InvariantCulture)]));

        pdf.Heading(T("六、异常情况", "6. Anomalies flagged"));
        if (b.Anomalies.Count == 0) pdf.Paragraph(T("期间内未发现异常。", "No anomalies flagged in the period."));
        else pdf.Table([T("时间", "When"), T("账号", "Account"), T("说明", "Detail")], [0.2, 0.2, 0.6],
            b.Anomalies.Select(a => (IReadOnlyList<string>)[At(a.At), a.Actor, a.Detail ?? ""]));

        pdf.Heading(T("七、审计链完整性", "7. Audit trail integrity"));
        pdf.Paragraph(b.AuditChain.Intact
            ? $"{T("审计链完整", "The audit trail is intact")}: {b.AuditChain.Entries} {T("条记录", "entries")}; {T("末条哈希", "last hash")} {b.AuditChain.LastHash}"
            : $"{T("审计链在第", "The audit trail is BROKEN at entry ")}{b.AuditChain.FirstBrokenEntry}{T(" 条处断裂", "")}: {b.AuditChain.Problem}");
        return pdf.ToBytes();
    }

    private static string Level(string level, bool zh) => !zh ? level : level switch
    {
        "red" => "红色（Ⅰ级）",
        "orange" => "橙色（Ⅱ级）",
        "yellow" => "黄色（Ⅲ级）",
        "blue" => "蓝色（Ⅳ级）",
        _ => "未研判",
    };
}
