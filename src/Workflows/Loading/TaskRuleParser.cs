using Cerebellum.Rules;
using Cerebellum.Workflows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows;

/// <summary>Reads the <c>tasks</c> list and checks that every task has an SLA wherever it applies.</summary>
internal static class TaskRuleParser
{
    public static IReadOnlyList<TaskRule>? ReadAll(YamlNode node, DiagnosticBag bag)
    {
        if (ScalarReader.Sequence(node, bag, "tasks") is not { } sequence)
        {
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            bag.Add(node, "tasks must list at least one task; a definition that issues no task routes nothing");
            return null;
        }

        var tasks = new List<TaskRule>();
        var ok = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var task = Read(sequence.Children[i], i + 1, bag, tasks);
            ok &= task is not null;
            if (task is not null)
            {
                tasks.Add(task);
            }
        }

        return ok ? tasks : null;
    }

    private static TaskRule? Read(YamlNode node, int number, DiagnosticBag bag, List<TaskRule> earlier)
    {
        if (ScalarReader.Mapping(node, bag, $"task {number}") is not { } mapping)
        {
            return null;
        }

        var map = new MappingReader(mapping, bag, $"task {number}", "party", "when", "minLevel", "sla");
        var partyNode = map.Required("party");
        var party = partyNode is null ? null : ScalarReader.Name<Party>(partyNode, bag, "party");
        if (party is { } p && partyNode is not null && earlier.Any(t => t.Party == p))
        {
            // The party name is the task key; two tasks for one party would collide in the case.
            bag.Add(partyNode, $"party '{YamlNames.Of(p)}' already has a task in this definition; each party may appear once");
            party = null;
        }

        var when = map.Required("when") is { } w ? ScalarReader.Name<TaskTrigger>(w, bag, "when value") : null;
        var minLevelNode = map.Optional("minLevel");
        var minLevel = minLevelNode is null ? null : ScalarReader.Name<RiskLevel>(minLevelNode, bag, "risk level");
        var label = party is { } named ? $"task '{YamlNames.Of(named)}'" : $"task {number}";
        var slaNode = map.Required("sla");
        var sla = slaNode is null ? null : SlaTableParser.Read(slaNode, bag, label);
        if (party is null || when is null || slaNode is null || sla is null || (minLevelNode is not null && minLevel is null))
        {
            return null;
        }

        var rule = new TaskRule(party.Value, when.Value, minLevel, sla);
        var missing = Enum.GetValues<RiskLevel>().Where(rule.AppliesAt).Where(l => !sla.ContainsKey(l)).ToList();
        if (missing.Count > 0)
        {
            var levels = string.Join(", ", missing.OrderDescending().Select(YamlNames.Of));
            bag.Add(slaNode, $"{label} applies at {levels} but its sla has no entry for {(missing.Count == 1 ? "that level" : "those levels")}; add {(missing.Count == 1 ? "it" : "them")} or raise minLevel");
            return null;
        }

        return rule;
    }
}
