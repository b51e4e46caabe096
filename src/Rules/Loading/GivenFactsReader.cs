using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Loading;

/// <summary>
/// Builds the facts of a pack test from <c>given: { Trigger: { Kind: smoke }, ... }</c>. Facts and members not
/// mentioned keep the record defaults, so a test states only what matters to it.
/// </summary>
internal static class GivenFactsReader
{
    public static AssessmentFacts? Read(YamlNode node, string owner, LoadContext context)
    {
        var diagnostics = context.Diagnostics;
        var factNames = FactCatalog.Facts.Select(f => f.Name).ToArray();
        var map = MappingReader.Open(node, $"'given' of {owner}", diagnostics, factNames);
        if (map is null)
        {
            return null;
        }

        var values = FactCatalog.Facts.Select(f => Activator.CreateInstance(f.Type)!).ToArray();
        var ok = diagnostics.Count;
        for (var i = 0; i < FactCatalog.Facts.Count; i++)
        {
            if (map.Optional(FactCatalog.Facts[i].Name) is { } factNode)
            {
                ReadFact(FactCatalog.Facts[i], factNode, values[i], owner, context);
            }
        }

        return diagnostics.Count != ok ? null : new AssessmentFacts(
            (TriggerFact)values[0], (CaseFact)values[1], (LocationFact)values[2], (HouseholdFact)values[3],
            (DeviceFact)values[4], (HistoryFact)values[5], (ClockFact)values[6]);
    }

    private static void ReadFact(FactDescriptor fact, YamlNode node, object target, string owner, LoadContext context)
    {
        var what = $"'{fact.Name}' in 'given' of {owner}";
        if (node is not YamlMappingNode mapping)
        {
            context.Diagnostics.Add(node, $"Expected {what} to be a mapping of members, e.g. {{ {fact.Members[0].Name}: ... }}.");
            return;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            if (fact.Member(name) is not { } member)
            {
                context.Diagnostics.Add(keyNode, $"Unknown member '{name}' of fact '{fact.Name}'."
                    + NameSuggestions.Hint(name, fact.Members.Select(m => m.Name)) + $" Valid members: {fact.MemberList}.");
                continue;
            }

            if (Convert(valueNode, member, $"{fact.Name}.{name}", context) is { } value)
            {
                // Reflection on init-only setters is fine here: this is test data, built once at load time.
                member.Property.SetValue(target, value);
            }
        }
    }

    private static object? Convert(YamlNode node, FactMember member, string what, LoadContext context)
    {
        var text = (node as YamlScalarNode)?.Value;
        if (text is null)
        {
            context.Diagnostics.Add(node, $"Expected {what} to be a single {member.TypeName} value.");
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        object? value = member.Type switch
        {
            _ when member.Type == typeof(string) => text,
            _ when member.Type == typeof(bool) => text switch { "true" or "True" or "TRUE" => true, "false" or "False" or "FALSE" => false, _ => null },
            _ when member.Type == typeof(int) => int.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var i) ? i : null,
            _ when member.Type == typeof(double) => double.TryParse(text, NumberStyles.Float, inv, out var d) ? d : null,
            _ when member.Type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(text, inv, DateTimeStyles.None, out var t) ? t : null,
            _ => null,
        };
        if (value is null)
        {
            var example = member.TypeName switch { "bool" => "true or false", "DateTimeOffset" => "e.g. 2025-01-07T03:00:00+08:00", _ => "a number" };
            context.Diagnostics.Add(node, $"Expected {what} to be {member.TypeName} ({example}), but found '{text}'.");
        }

        return value;
    }
}
