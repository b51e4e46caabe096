using Cerebellum.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Loading;

/// <summary>Reads the pack's own <c>tests</c>, checking that every rule id they expect exists in the pack.</summary>
internal static class PackTestReader
{
    public static List<PackTestSpec> ReadAll(YamlNode node, IReadOnlyCollection<string> ruleIds, LoadContext context)
    {
        var tests = new List<PackTestSpec>();
        if (node is not YamlSequenceNode sequence)
        {
            context.Diagnostics.Add(node, "Expected 'tests' to be a list of tests.");
            return tests;
        }

        var names = new Dictionary<string, int>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var map = MappingReader.Open(item, $"test #{i + 1}", context.Diagnostics, "name", "given", "expect");
            var name = map?.Required("name") is { } n ? YamlValues.Text(n, $"the name of test #{i + 1}", context.Diagnostics) : null;
            if (map is null || name is null)
            {
                continue;
            }

            if (!names.TryAdd(name, (int)item.Start.Line))
            {
                context.Diagnostics.Add(map.Optional("name")!, $"Duplicate test name '{name}' (first used at line {names[name]}).");
            }

            var owner = $"test '{name}'";
            var given = map.Optional("given") is { } g ? GivenFactsReader.Read(g, owner, context) : AssessmentFacts.Empty;
            var expect = map.Required("expect") is { } e ? ReadExpectation(e, owner, ruleIds, context) : null;
            if (given is not null && expect is not null)
            {
                tests.Add(new PackTestSpec(name, given, expect));
            }
        }

        return tests;
    }

    private static PackTestExpectation? ReadExpectation(YamlNode node, string owner, IReadOnlyCollection<string> ruleIds, LoadContext context)
    {
        var map = MappingReader.Open(node, $"'expect' of {owner}", context.Diagnostics, "level", "category", "parties", "fired");
        if (map is null)
        {
            return null;
        }

        var before = context.Diagnostics.Count;
        var level = map.Optional("level") is { } l ? VocabularyReader.Level(l, $"expected level of {owner}", context) : null;
        var category = map.Optional("category") is { } c ? VocabularyReader.Category(c, $"expected category of {owner}", context) : null;
        var parties = map.Optional("parties") is { } p ? VocabularyReader.Parties(p, $"expected parties of {owner}", context) : null;
        var fired = map.Optional("fired") is { } f ? ReadFired(f, owner, ruleIds, context) : null;
        if (!map.Has("level") && !map.Has("category") && !map.Has("parties") && !map.Has("fired"))
        {
            context.Diagnostics.Add(node, $"'expect' of {owner} checks nothing; give at least one of level, category, parties, fired.");
        }

        return context.Diagnostics.Count == before ? new PackTestExpectation(level, category, parties, fired) : null;
    }

    private static List<string>? ReadFired(YamlNode node, string owner, IReadOnlyCollection<string> ruleIds, LoadContext context)
    {
        var items = YamlValues.ScalarList(node, $"expected fired rules of {owner}", context.Diagnostics);
        foreach (var item in items ?? [])
        {
            if (!ruleIds.Contains(item.Value!))
            {
                context.Diagnostics.Add(item, $"{YamlValues.Capitalize(owner)} expects rule '{item.Value}' to fire, but the pack has no rule with that id."
                    + NameSuggestions.Hint(item.Value!, ruleIds));
            }
        }

        return items?.Select(i => i.Value!).ToList();
    }
}
