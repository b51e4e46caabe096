using Cerebellum.Rules;
using Cerebellum.Workflows.Diagrams;

namespace Cerebellum.Workflows.Tests;

public class MermaidFlowchartTests
{
    [Fact]
    public void The_fire_safety_definition_renders_as_this_exact_flowchart()
    {
        var text = MermaidFlowchart.Render(SampleFiles.Definition("emergency-dispatch"));

        text.ShouldBe("""
            flowchart TD
                assessment(["风险评估<br/>消防与燃气紧急派单 · emergency-dispatch v1"])
                assessment --> dispatch{{"并行派单"}}
                dispatch --> task0["物业<br/>评估点名时<br/>时限：红 10分钟 · 橙 15分钟 · 黄 2小时 · 蓝 1个工作日"]
                dispatch --> task1["公安（派出所）<br/>评估点名时，橙色及以上<br/>时限：红 10分钟 · 橙 30分钟"]
                dispatch --> task2["社区卫生服务站<br/>评估点名时，橙色及以上<br/>时限：红 15分钟 · 橙 30分钟"]
                dispatch --> task3["居民<br/>每案必派，仅红色<br/>时限：红 5分钟"]
                dispatch --> task4["街道（社区工作站）<br/>每案必派<br/>时限：红 30分钟 · 橙 1小时 · 黄 1个工作日 · 蓝 3个工作日"]
                resolution{"全部任务办结"}
                task0 -- "办结" --> resolution
                task1 -- "办结" --> resolution
                task2 -- "办结" --> resolution
                task3 -- "办结" --> resolution
                task4 -- "办结" --> resolution
                breach>"超时（SLA 违约）"]
                task0 -. "超时" .-> breach
                task1 -. "超时" .-> breach
                task2 -. "超时" .-> breach
                task3 -. "超时" .-> breach
                task4 -. "超时" .-> breach
                breach --> escalation0[["督办 1（立即）<br/>移交：street-supervisor<br/>通知：street, supervisor"]]
                escalation0 -- "仍未办结" --> escalation1[["督办 2（超时 2小时 后）<br/>移交：district-supervisor<br/>通知：street, supervisor, district-emergency-office"]]
                escalation1 -.-> resolution
                resolution --> feedback[/"回访：3 天内"/]
                feedback -- "满意或逾期未答复" --> closed(["结案"])
                feedback -- "不满意" --> reopened["重新打开，重新派单"] --> dispatch

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void English_labels_on_request()
    {
        var text = MermaidFlowchart.Render(SampleFiles.Definition("emergency-dispatch"), DiagramLanguage.En);

        text.ShouldStartWith("flowchart TD\n    assessment([\"Risk assessment<br/>Fire and gas emergency dispatch · emergency-dispatch v1\"])\n");
        text.ShouldContain("task1[\"Police<br/>if the assessment names it, orange and above<br/>SLA: red 10 min · orange 30 min\"]");
        text.ShouldContain("task4[\"Street office<br/>always<br/>SLA: red 30 min · orange 1 h · yellow 1 working day · blue 3 working days\"]");
        text.ShouldContain("escalation0 -- \"still overdue\" --> escalation1[[\"Escalation 2, after 2 h<br/>to: district-supervisor");
        text.ShouldContain("feedback[/\"Resident feedback within 3 days\"/]");
        text.ShouldNotMatch("[\u4e00-\u9fff]");
    }

    [Fact]
    public void Text_from_the_author_cannot_end_a_label_or_inject_markup()
    {
        var definition = Definition("""
            workflow: hostile
            version: 2
            title: { zh-CN: "标题\"]) --> x[<b>#1</b> & {co}|pipe|", en: Hostile }
            categories: [fire]
            tasks:
              - party: street
                when: always
                sla: 2wd
            escalation:
              - after: 30m
                to: "a\"] --> evil[(x)"
                notify: ["b;c", "d`e"]
            closure:
              feedbackWithinDays: 2
              reopenOnUnsatisfied: false
            """);

        var text = MermaidFlowchart.Render(definition);

        text.ShouldContain("assessment([\"风险评估<br/>标题#quot;#93;#41; --#gt; x#91;#lt;b#gt;#35;1#lt;/b#gt; #amp; #123;co#125;#124;pipe#124; · hostile v2\"])");
        text.ShouldContain("breach --> escalation0[[\"督办 1（超时 30分钟 后）<br/>移交：a#quot;#93; --#gt; evil#91;#40;x#41;<br/>通知：b#59;c, d#96;e\"]]");
        text.ShouldContain("dispatch --> task0[\"街道（社区工作站）<br/>每案必派<br/>时限：各级 2个工作日\"]");
        // Every label opens and closes its own quotes: the author's quotes are all encoded.
        foreach (var line in text.Split('\n')) (line.Count(c => c == '"') % 2).ShouldBe(0, line);
        text.ShouldContain("feedback -- \"不满意\" --> closed");
        text.ShouldNotContain("reopened");
    }

    [Fact]
    public void A_definition_without_escalation_has_no_breach_branch()
    {
        var definition = Definition("""
            workflow: quiet
            version: 1
            title: { zh-CN: 安静, en: Quiet }
            categories: ["*"]
            tasks:
              - party: property
                when: assessed
                minLevel: yellow
                sla: { red: 1h, orange: 2h, yellow: 3d }
            escalation: []
            closure:
              requireAllTasksDone: false
              feedbackWithinDays: 1
            """);

        var lines = MermaidFlowchart.Render(definition, DiagramLanguage.En).Split('\n');

        lines.ShouldNotContain(l => l.Contains("breach") || l.Contains("escalation"));
        lines.ShouldContain("    dispatch --> task0[\"Property management<br/>if the assessment names it, yellow and above<br/>SLA: red 1 h · orange 2 h · yellow 3 days\"]");
        lines.ShouldContain("    resolution{\"Tasks resolved\"}");
        lines.ShouldContain("    feedback -- \"unsatisfied\" --> reopened[\"Reopened: tasks issued again\"] --> dispatch");
    }

    [Fact]
    public void Every_sample_definition_renders_one_node_per_task_and_step()
    {
        foreach (var definition in SampleFiles.AllDefinitions())
        {
            var text = MermaidFlowchart.Render(definition);
            for (var i = 0; i < definition.Tasks.Count; i++) text.ShouldContain($"dispatch --> task{i}[");
            for (var i = 0; i < definition.Escalation.Count; i++) text.ShouldContain($"escalation{i}[[");
            text.ShouldNotContain($"task{definition.Tasks.Count}[");
        }
    }

    private static RoutingDefinition Definition(string yaml) => RoutingDefinitionLoader.LoadOrThrow(yaml, "test.yaml");
}
