using Cerebellum.Workflows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows;

/// <summary>Reads a duration value and reports bad text at its exact position.</summary>
internal static class DurationParser
{
    public static DurationSpec? Read(YamlNode node, DiagnosticBag bag, string what, bool allowZero, bool allowWorkingDays)
    {
        var text = ScalarReader.Text(node, bag, what);
        if (text is null)
        {
            return null;
        }

        if (!DurationSpec.TryParse(text, out var spec, out var error))
        {
            bag.Add(node, $"{what}: {error}");
            return null;
        }

        if (!allowZero && spec.Amount == 0)
        {
            bag.Add(node, $"{what}: '{text}' must be longer than zero");
            return null;
        }

        if (!allowWorkingDays && spec.Unit == DurationUnit.WorkingDays)
        {
            bag.Add(node, $"{what}: '{text}' uses working days, which are not allowed here; use m, h or d (elapsed time)");
            return null;
        }

        return spec;
    }
}
