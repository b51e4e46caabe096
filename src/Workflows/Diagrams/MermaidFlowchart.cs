using Cerebellum.Rules;

namespace Cerebellum.Workflows.Diagrams;

/// <summary>
/// Renders a routing definition as Mermaid <c>flowchart TD</c> text, the picture a rule author or a
/// supervisor checks before and after publishing: assessment → every task in parallel (party,
/// condition, SLA per level) → resolution → 回访 → closed, and the escalation (督办) chain a breach
/// starts. Node ids are generated, never taken from the definition; every label is escaped
/// (<see cref="MermaidText"/>), so no text in a definition can break the diagram.
/// </summary>
public static class MermaidFlowchart
{
    private static readonly RiskLevel[] HighestFirst = [RiskLevel.Red, RiskLevel.Orange, RiskLevel.Yellow, RiskLevel.Blue];

    public static string Render(RoutingDefinition definition, DiagramLanguage language = DiagramLanguage.ZhCn)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var words = new DiagramLabels(language);
        var lines = new List<string> { "flowchart TD" };
        void Line(string text) => lines.Add("    " + text);
        string E(string text) => MermaidText.Escape(text);

        Line($"assessment([{MermaidText.Label(E(words.Assessment), E($"{words.Title(definition.Title)} · {definition.Id} {words.Version(definition.Version)}"))}])");
        Line($"assessment --> dispatch{{{{{MermaidText.Label(E(words.Dispatch))}}}}}");

        var resolution = definition.Closure.RequireAllTasksDone ? words.AllTasksDone : words.AnyTaskDone;
        for (var i = 0; i < definition.Tasks.Count; i++)
        {
            var task = definition.Tasks[i];
            Line($"dispatch --> task{i}[{MermaidText.Label(E(words.Party(task.Party)), E(words.When(task)), E(Sla(task, words)))}]");
        }

        Line($"resolution{{{MermaidText.Label(E(resolution))}}}");
        for (var i = 0; i < definition.Tasks.Count; i++) Line($"task{i} -- {MermaidText.Label(E(words.Resolved))} --> resolution");

        if (definition.Escalation.Count > 0)
        {
            Line($"breach>{MermaidText.Label(E(words.Breach))}]");
            for (var i = 0; i < definition.Tasks.Count; i++) Line($"task{i} -. {MermaidText.Label(E(words.Overdue))} .-> breach");
            for (var i = 0; i < definition.Escalation.Count; i++)
            {
                var step = definition.Escalation[i];
                var label = new List<string> { E(words.EscalationStep(i + 1, step)), E(words.To + step.To) };
                if (step.Notify.Count > 0) label.Add(E(words.Notify + string.Join(", ", step.Notify)));
                var from = i == 0 ? "breach -->" : $"escalation{i - 1} -- {MermaidText.Label(E(words.StillOverdue))} -->";
                Line($"{from} escalation{i}[[{MermaidText.Label([.. label])}]]");
            }

            // Escalation hands the case to a supervisor; it still ends through resolution.
            Line($"escalation{definition.Escalation.Count - 1} -.-> resolution");
        }

        Line($"resolution --> feedback[/{MermaidText.Label(E(words.Feedback(definition.Closure.FeedbackWithinDays)))}/]");
        Line($"feedback -- {MermaidText.Label(E(words.Satisfied))} --> closed([{MermaidText.Label(E(words.Closed))}])");
        Line(definition.Closure.ReopenOnUnsatisfied
            ? $"feedback -- {MermaidText.Label(E(words.Unsatisfied))} --> reopened[{MermaidText.Label(E(words.Reopen))}] --> dispatch"
            : $"feedback -- {MermaidText.Label(E(words.Unsatisfied))} --> closed");

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>"时限：红 10分钟 · 橙 15分钟", or one figure when every level has the same SLA.</summary>
    private static string Sla(TaskRule task, DiagramLabels words)
    {
        var levels = HighestFirst.Where(l => task.AppliesAt(l) && task.Sla.ContainsKey(l)).ToList();
        var texts = levels.Select(l => task.Sla[l].Text).Distinct().ToList();
        var body = levels.Count == 4 && texts.Count == 1
            ? $"{words.AllLevels} {words.Duration(task.Sla[RiskLevel.Red])}"
            : string.Join(" · ", levels.Select(l => $"{words.Level(l)} {words.Duration(task.Sla[l])}"));
        return words.SlaHeading + body;
    }
}
