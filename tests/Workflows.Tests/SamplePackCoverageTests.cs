using Cerebellum.Rules;

namespace Cerebellum.Workflows.Tests;

/// <summary>The sample rule pack and the sample definitions are written by different people: every category
/// the pack can produce must be routed, by a definition of its own except `general`, and every party a rule
/// names must have a task in that definition, or a rule would call someone nobody notifies.</summary>
public class SamplePackCoverageTests
{
    private static readonly CompiledRulePack Pack =
        RulePackLoader.LoadOrThrow(SampleFiles.Read("samples", "rules", "community-default.yaml"), "community-default.yaml");

    private static readonly RoutingCatalog Catalog = new(SampleFiles.AllDefinitions());

    [Fact]
    public void Every_category_but_general_has_a_definition_of_its_own()
    {
        Pack.Categories.Count.ShouldBeGreaterThan(5);
        foreach (var category in Pack.Categories)
        {
            var definition = Catalog.Select(category);
            definition.IsFallback.ShouldBe(category == "general", $"{category} → {definition}");
        }
    }

    [Fact]
    public void Every_party_a_rule_names_has_a_task_in_the_definition_for_its_category()
    {
        foreach (var rule in Pack.Rules)
        {
            var outcome = rule.Outcome;
            var input = new RoutingInput(outcome.Level, outcome.Category, outcome.Parties);
            Router.UnroutedParties(Catalog.Select(outcome.Category), input).ShouldBeEmpty($"rule {rule.Id}");
        }

        var defaults = new RoutingInput(Pack.Defaults.Level, Pack.Defaults.Category, Pack.Defaults.Parties);
        Router.UnroutedParties(Catalog.Select(defaults.Category), defaults).ShouldBeEmpty();
    }

    [Fact]
    public void Every_rule_outcome_issues_at_least_one_task()
    {
        foreach (var rule in Pack.Rules)
        {
            var outcome = rule.Outcome;
            var input = new RoutingInput(outcome.Level, outcome.Category, outcome.Parties);
            Router.Dispatch(Catalog.Select(outcome.Category), input, Time.At(2026, 3, 6, 10), SampleFiles.China())
                .ShouldNotBeEmpty($"rule {rule.Id}");
        }
    }
}
