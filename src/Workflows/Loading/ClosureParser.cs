using Cerebellum.Workflows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows;

/// <summary>
/// Reads the closure policy. The feedback window is required because there is no sensible
/// universal default; the two switches default to the strict choice (true).
/// </summary>
internal static class ClosureParser
{
    private const int LongestFeedbackWindow = 366;

    public static ClosurePolicy? Read(YamlNode node, DiagnosticBag bag)
    {
        if (ScalarReader.Mapping(node, bag, "closure") is not { } mapping)
        {
            return null;
        }

        var map = new MappingReader(mapping, bag, "closure", "requireAllTasksDone", "feedbackWithinDays", "reopenOnUnsatisfied");
        var requireAll = map.Optional("requireAllTasksDone") is { } r ? ScalarReader.Boolean(r, bag, "requireAllTasksDone") : true;
        var reopen = map.Optional("reopenOnUnsatisfied") is { } o ? ScalarReader.Boolean(o, bag, "reopenOnUnsatisfied") : true;
        var daysNode = map.Required("feedbackWithinDays");
        var days = daysNode is null ? null : ScalarReader.Integer(daysNode, bag, "feedbackWithinDays");
        if (days is { } d && daysNode is not null && d is < 1 or > LongestFeedbackWindow)
        {
            bag.Add(daysNode, $"feedbackWithinDays must be between 1 and {LongestFeedbackWindow}, not {d}");
            return null;
        }

        return requireAll is null || reopen is null || days is null ? null : new ClosurePolicy(requireAll.Value, days.Value, reopen.Value);
    }
}
