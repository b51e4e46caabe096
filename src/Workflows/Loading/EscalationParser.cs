using Cerebellum.Workflows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Workflows;

/// <summary>
/// Reads the escalation chain. Delays are elapsed time after the breach (no working days:
/// the Router decides escalations without a calendar) and must not decrease, so that the
/// chain's order and its timing agree.
/// </summary>
internal static class EscalationParser
{
    public static IReadOnlyList<EscalationStep>? ReadAll(YamlNode node, DiagnosticBag bag)
    {
        // An explicit empty list is allowed: some definitions deliberately have no 督办.
        if (ScalarReader.Sequence(node, bag, "escalation") is not { } sequence)
        {
            return null;
        }

        var steps = new List<EscalationStep>();
        var ok = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var step = Read(sequence.Children[i], i + 1, bag, steps.LastOrDefault());
            ok &= step is not null;
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        return ok ? steps : null;
    }

    private static EscalationStep? Read(YamlNode node, int number, DiagnosticBag bag, EscalationStep? previous)
    {
        var context = $"escalation step {number}";
        if (ScalarReader.Mapping(node, bag, context) is not { } mapping)
        {
            return null;
        }

        var map = new MappingReader(mapping, bag, context, "after", "to", "notify");
        var afterNode = map.Required("after");
        var after = afterNode is null ? null : DurationParser.Read(afterNode, bag, $"{context} after", allowZero: true, allowWorkingDays: false);
        var to = map.Required("to") is { } t ? ScalarReader.Text(t, bag, $"{context} to") : null;
        var notifyNode = map.Optional("notify");
        var notify = notifyNode is null ? [] : ReadNotify(notifyNode, bag, context);
        if (after?.FixedLength is not { } delay || afterNode is null || to is null || notify is null)
        {
            return null;
        }

        if (previous is not null && delay < previous.After)
        {
            bag.Add(afterNode, $"{context}: after {after.Text} is earlier than the previous step's {previous.AfterText}; list steps in order");
            return null;
        }

        return new EscalationStep(delay, after.Text, to, notify);
    }

    private static IReadOnlyList<string>? ReadNotify(YamlNode node, DiagnosticBag bag, string context)
    {
        if (ScalarReader.Sequence(node, bag, $"{context} notify") is not { } sequence)
        {
            return null;
        }

        var keys = sequence.Select(item => ScalarReader.Text(item, bag, $"{context} notify entry")).ToList();
        return keys.Any(k => k is null) ? null : [.. keys.OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
