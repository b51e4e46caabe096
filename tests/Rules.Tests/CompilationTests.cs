using System.Text;
using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

public class CompilationTests
{
    [Fact]
    public void Every_catalogued_fact_member_is_usable_in_a_condition()
    {
        var rules = FactCatalog.Facts
            .SelectMany(f => f.Members.Select(m => Packs.Rule($"{f.Name}-{m.Name}".ToLowerInvariant(), $"{f.Name}.{m.Name} == {f.Name}.{m.Name}")))
            .ToArray();

        var pack = Packs.Compile(rules);

        pack.Assess(AssessmentFacts.Empty).FiredRules.Count.ShouldBe(FactCatalog.Facts.Sum(f => f.Members.Count));
    }

    [Fact]
    public void Catalog_lists_exactly_the_seven_facts_of_an_assessment()
    {
        FactCatalog.Facts.Select(f => f.Name).ShouldBe(["Trigger", "Case", "Location", "Household", "Device", "History", "Clock"]);
        typeof(AssessmentFacts).GetConstructors().Single().GetParameters().Select(p => p.Name)
            .ShouldBe(FactCatalog.Facts.Select(f => f.Name));
        FactCatalog.Find("Clock")!.Member("At").ShouldBeNull();
    }

    [Fact]
    public void Five_hundred_rule_pack_compiles_and_fires_exactly_the_matching_rules()
    {
        var yaml = new StringBuilder(Packs.Header);
        for (var i = 0; i < 500; i++)
        {
            var level = VocabularyNames.LevelNames[i / 100 % 4];
            yaml.Append(Packs.Rule($"r{i}", $"Trigger.Kind == \"k{i % 100}\" && Trigger.Severity >= {i / 100} && Household.Size < {i + 2}", level, priority: i));
        }

        var pack = RulePackLoader.LoadOrThrow(yaml.ToString(), "big.yaml");
        var assessment = pack.Assess(AssessmentFacts.Empty with
        {
            Trigger = new TriggerFact { Kind = "k42", Severity = 5 },
            Household = new HouseholdFact { Size = 1 },
        });

        pack.Rules.Count.ShouldBe(500);
        assessment.FiredIds().ShouldBe(["r442", "r342", "r242", "r142", "r42"]);
        assessment.Level.ShouldBe(RiskLevel.Red);
        assessment.FiredRules.Select(r => r.Level).ShouldBe([RiskLevel.Red, RiskLevel.Blue, RiskLevel.Yellow, RiskLevel.Orange, RiskLevel.Red]);
    }
}
