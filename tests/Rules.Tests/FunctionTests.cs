using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

/// <summary>The helper functions, through the pack language as authors use them.</summary>
public class FunctionTests
{
    private static readonly CompiledRulePack Pack = Packs.Compile(
        Packs.Rule("between", "Between(Clock.Hour, 0, 5)"),
        Packs.Rule("in", "In(Trigger.Kind, \"smoke\", \"gas\")"),
        Packs.Rule("contains-any", "ContainsAny(Trigger.Text, \"漏水\", \"LEAK\")"),
        Packs.Rule("at-least-orange", "LevelAtLeast(Case.CurrentLevel, \"orange\")"));

    [Theory]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Between_is_inclusive(int hour, bool fires)
    {
        Fired(AssessmentFacts.Empty with { Clock = new ClockFact { Hour = hour } }, "between").ShouldBe(fires);
    }

    [Theory]
    [InlineData("gas", true)]
    [InlineData("Gas", false)]
    [InlineData("gas-meter", false)]
    public void In_is_exact_membership(string kind, bool fires)
    {
        Fired(Facts.Signal(kind), "in").ShouldBe(fires);
    }

    [Theory]
    [InlineData("楼上卫生间漏水", true)]
    [InlineData("water leak in kitchen", true)]
    [InlineData("noise upstairs", false)]
    public void ContainsAny_is_a_case_insensitive_substring_search(string text, bool fires)
    {
        Fired(AssessmentFacts.Empty with { Trigger = new TriggerFact { Text = text } }, "contains-any").ShouldBe(fires);
    }

    [Theory]
    [InlineData("red", true)]
    [InlineData("orange", true)]
    [InlineData("yellow", false)]
    [InlineData("", false)]
    public void LevelAtLeast_orders_the_four_colours(string current, bool fires)
    {
        Fired(AssessmentFacts.Empty with { Case = new CaseFact { CurrentLevel = current } }, "at-least-orange").ShouldBe(fires);
    }

    [Fact]
    public void Functions_are_null_safe_so_conditions_can_be_split()
    {
        RuleFunctions.ContainsAny(null!, "x").ShouldBeFalse();
        RuleFunctions.In(null!, "x").ShouldBeFalse();
        RuleFunctions.LevelAtLeast(null!, "blue").ShouldBeFalse();
    }

    private static bool Fired(AssessmentFacts facts, string ruleId) => Pack.Assess(facts).FiredIds().Contains(ruleId);
}
