using Cerebellum.Rules;
using Cerebellum.Workflows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows;

/// <summary>
/// Reads a task's <c>sla</c>: either a mapping from risk level to duration, or one duration
/// for every level (<c>sla: 1wd</c>) when the level makes no difference to the deadline.
/// </summary>
internal static class SlaTableParser
{
    public static IReadOnlyDictionary<RiskLevel, DurationSpec>? Read(YamlNode node, DiagnosticBag bag, string label)
    {
        if (node is YamlScalarNode)
        {
            var single = DurationParser.Read(node, bag, $"{label} sla", allowZero: false, allowWorkingDays: true);
            return single is null ? null : Enum.GetValues<RiskLevel>().ToDictionary(l => l, _ => single);
        }

        if (ScalarReader.Mapping(node, bag, $"{label} sla") is not { } mapping)
        {
            return null;
        }

        var table = new Dictionary<RiskLevel, DurationSpec>();
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var level = ScalarReader.Name<RiskLevel>(keyNode, bag, "risk level");
            var duration = DurationParser.Read(valueNode, bag, $"{label} sla", allowZero: false, allowWorkingDays: true);
            if (level is null || duration is null)
            {
                ok = false;
                continue;
            }

            table[level.Value] = duration;
        }

        return ok ? table : null;
    }
}
