using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

public class SemanticsTests
{
    private static readonly CompiledRulePack Pack = Packs.Compile(
        Packs.Rule("kind-x", "Trigger.Kind == \"x\"", "yellow", "general", "[property]", priority: 10),
        Packs.Rule("severe", "Trigger.Severity >= 3", "red", "fire", "[police]", priority: 5),
        Packs.Rule("kind-x-again", "Trigger.Kind == \"x\"", "orange", "flood", "[street, property]", priority: 10),
        Packs.Rule("urgent", "Trigger.Severity >= 5", "blue", "flood", "[resident]", priority: 50));

    [Fact]
    public void Level_is_the_highest_among_fired_rules()
    {
        var assessment = Pack.Assess(Facts.Signal("x", severity: 4));

        assessment.Level.ShouldBe(RiskLevel.Red);
        assessment.FiredIds().ShouldBe(["kind-x", "kind-x-again", "severe"], ignoreOrder: true);
    }

    [Fact]
    public void Parties_are_the_union_in_stable_order()
    {
        var assessment = Pack.Assess(Facts.Signal("x", severity: 5));

        assessment.Parties.ShouldBe([Party.Police, Party.Property, Party.Street, Party.Resident]);
    }

    [Fact]
    public void Category_comes_from_the_highest_priority_rule_not_the_highest_level()
    {
        var assessment = Pack.Assess(Facts.Signal("x", severity: 5));

        assessment.Level.ShouldBe(RiskLevel.Red);
        assessment.Category.ShouldBe("flood");
        assessment.FiredRules[0].Id.ShouldBe("urgent");
    }

    [Fact]
    public void Priority_tie_goes_to_the_rule_written_first()
    {
        var assessment = Pack.Assess(Facts.Signal("x", severity: 0));

        assessment.Category.ShouldBe("general");
        assessment.FiredIds().ShouldBe(["kind-x", "kind-x-again"]);
    }

    [Fact]
    public void Fired_rules_carry_their_own_outcome_and_reason()
    {
        var fired = Pack.Assess(Facts.Signal("y", severity: 3)).FiredRules.ShouldHaveSingleItem();

        fired.ShouldBe(new FiredRule("severe", RiskLevel.Red, "fire", 5, new LocalizedText("原因severe", "because severe")));
    }

    [Fact]
    public void Defaults_apply_with_an_empty_fired_list_when_nothing_fires()
    {
        var assessment = Pack.Assess(Facts.Signal("y", severity: 1));

        assessment.Level.ShouldBe(RiskLevel.Blue);
        assessment.Category.ShouldBe("general");
        assessment.Parties.ShouldBe([Party.Street]);
        assessment.FiredRules.ShouldBeEmpty();
        assessment.PackId.ShouldBe("test-pack");
        assessment.PackVersion.ShouldBe(3);
    }

    [Fact]
    public void Assessment_is_deterministic_across_calls_and_loads()
    {
        var facts = Facts.Signal("x", severity: 5);
        var reloaded = Packs.Compile(
            Packs.Rule("kind-x", "Trigger.Kind == \"x\"", "yellow", "general", "[property]", priority: 10),
            Packs.Rule("severe", "Trigger.Severity >= 3", "red", "fire", "[police]", priority: 5),
            Packs.Rule("kind-x-again", "Trigger.Kind == \"x\"", "orange", "flood", "[street, property]", priority: 10),
            Packs.Rule("urgent", "Trigger.Severity >= 5", "blue", "flood", "[resident]", priority: 50));

        var first = Pack.Assess(facts);
        for (var i = 0; i < 50; i++)
        {
            Pack.Assess(facts).SameOutcomeAs(first).ShouldBeTrue();
        }

        reloaded.Assess(facts).SameOutcomeAs(first).ShouldBeTrue();
        first.FiredIds().ShouldBe(["urgent", "kind-x", "kind-x-again", "severe"]);
    }

    [Fact]
    public void All_entries_of_a_when_list_must_hold()
    {
        var pack = Packs.Compile(Packs.Rule("both", "\n      - Trigger.Kind == \"gas\"\n      - Clock.IsNight"));

        pack.Assess(Facts.Signal("gas").At(23)).FiredIds().ShouldBe(["both"]);
        pack.Assess(Facts.Signal("gas").At(14)).FiredRules.ShouldBeEmpty();
        pack.Assess(Facts.Signal("smoke").At(23)).FiredRules.ShouldBeEmpty();
        pack.Rules.Single().Conditions.ShouldBe(["Trigger.Kind == \"gas\"", "Clock.IsNight"]);
    }

    [Fact]
    public void Conditions_can_join_several_facts_and_use_no_fact_at_all()
    {
        var pack = Packs.Compile(
            Packs.Rule("joined", "Household.EldestAge >= 80 && Trigger.Severity + History.UnitCases7Days > 4 && Clock.IsNight"),
            Packs.Rule("always", "true"));
        var facts = Facts.Signal("smoke", severity: 3).ElderlyAlone(85).At(2) with { History = new HistoryFact { UnitCases7Days = 2 } };

        pack.Assess(facts).FiredIds().ShouldBe(["joined", "always"]);
        pack.Assess(facts with { History = new HistoryFact() }).FiredIds().ShouldBe(["always"]);
        pack.Assess(facts.At(12)).FiredIds().ShouldBe(["always"]);
    }

    [Fact]
    public void Short_circuit_guards_still_protect_throwing_parts()
    {
        var pack = Packs.Compile(Packs.Rule("ratio", "Case.SignalCount > 0 && Case.ItemCount / Case.SignalCount >= 2"));

        pack.Assess(AssessmentFacts.Empty).FiredRules.ShouldBeEmpty();
        pack.Assess(AssessmentFacts.Empty with { Case = new CaseFact { ItemCount = 4, SignalCount = 2 } }).FiredIds().ShouldBe(["ratio"]);
    }

    [Fact]
    public void A_condition_that_throws_fails_the_assessment_loudly()
    {
        var pack = Packs.Compile(Packs.Rule("ratio", "Case.ItemCount / Case.SignalCount >= 2"));

        var error = Should.Throw<RuleEvaluationException>(() => pack.Assess(AssessmentFacts.Empty));

        error.PackId.ShouldBe("test-pack");
        error.Message.ShouldContain("divide by zero", Case.Insensitive);
        error.RuleId.ShouldBe("ratio");
        error.RuleIds.ShouldBe(["ratio"]);
        error.Reason.ShouldBe(new DivideByZeroException().Message);
    }

    [Fact]
    public void Null_facts_are_rejected_with_the_fact_name()
    {
        var error = Should.Throw<ArgumentException>(() => Pack.Assess(AssessmentFacts.Empty with { Household = null! }));

        error.Message.ShouldContain("Household");
    }
}
