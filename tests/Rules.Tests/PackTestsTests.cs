using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

/// <summary>The tests a pack carries: how they are validated and how they run.</summary>
public class PackTestsTests
{
    private static readonly string Rules = Packs.Header
        + Packs.Rule("smoke", "Trigger.Kind == \"smoke\"", "orange", "fire", "[property]")
        + Packs.Rule("night-smoke", "Trigger.Kind == \"smoke\" && Clock.IsNight", "red", "fire", "[police]", priority: 10);

    [Fact]
    public void Test_expecting_an_unknown_rule_is_a_load_error()
    {
        var yaml = Rules + """
            tests:
              - name: t
                expect: { fired: [smoke, nigth-smoke] }
            """;

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe(Positions.Of(yaml, 19, "nigth-smoke"));
        diagnostic.Message.ShouldBe("Test 't' expects rule 'nigth-smoke' to fire, but the pack has no rule with that id. Did you mean 'night-smoke'?");
    }

    [Fact]
    public void Given_facts_are_checked_by_name_member_and_type()
    {
        var yaml = Rules + """
            tests:
              - name: t
                given:
                  Trigger: { Kind: smoke, Severty: 3 }
                  Weather: { Rain: true }
                  Clock: { IsNight: yes }
                expect: { level: red }
            """;

        var result = Packs.Load(yaml);

        result.Diagnostics.Select(d => (d.Line, d.Column)).ShouldBe(
        [
            Positions.Of(yaml, 20, "Severty"),
            Positions.Of(yaml, 21, "Weather"),
            Positions.Of(yaml, 22, "yes"),
        ]);
        result.Diagnostics[0].Message.ShouldBe("Unknown member 'Severty' of fact 'Trigger'. Did you mean 'Severity'? "
            + "Valid members: ItemType, Kind, Severity, Source, OccurredAt, Text.");
        result.Diagnostics[1].Message.ShouldStartWith("Unknown field 'Weather' in 'given' of test 't'. Allowed fields: Trigger, Case,");
        result.Diagnostics[2].Message.ShouldBe("Expected Clock.IsNight to be bool (true or false), but found 'yes'.");
    }

    [Fact]
    public void Expectation_must_check_something_and_use_known_vocabulary()
    {
        var yaml = Rules + """
            tests:
              - name: empty
                expect: {}
              - name: wrong
                expect: { level: scarlet, parties: [police, police] }
            """;

        var result = Packs.Load(yaml);

        result.Diagnostics.Select(d => d.Message).ShouldBe(
        [
            "'expect' of test 'empty' checks nothing; give at least one of level, category, parties, fired.",
            "Unknown level 'scarlet'. Use one of: red, orange, yellow, blue.",
            "Party 'police' is listed twice in expected parties of test 'wrong'.",
        ]);
    }

    [Fact]
    public void Passing_and_failing_tests_are_reported_with_every_mismatch()
    {
        var yaml = Rules + """
            tests:
              - name: night smoke
                given: { Trigger: { Kind: smoke }, Clock: { Hour: 2, IsNight: true } }
                expect: { level: red, category: fire, parties: [property, police], fired: [smoke, night-smoke] }
              - name: wrong on purpose
                given: { Trigger: { Kind: smoke } }
                expect: { level: red, category: fire, parties: [police], fired: [night-smoke] }
              - name: nothing fires
                expect: { level: blue, category: general, fired: [] }
            """;

        var results = RulePackLoader.LoadOrThrow(yaml, "t.yaml").RunTests();

        results.Select(r => (r.Name, r.Passed)).ShouldBe([("night smoke", true), ("wrong on purpose", false), ("nothing fires", true)]);
        results[0].Failure.ShouldBeNull();
        results[1].Failure.ShouldBe("expected level red but got orange; expected parties [police] but got [property]; "
            + "expected fired [night-smoke] but got [smoke]");

        // Structured, for tools that show a diff (the `rules test` command).
        results[1].Expected.Level.ShouldBe(RiskLevel.Red);
        results[1].Expected.Parties.ShouldBe([Party.Police]);
        results[1].Actual!.Level.ShouldBe(RiskLevel.Orange);
        results[1].Actual!.FiredRules.Select(r => r.Id).ShouldBe(["smoke"]);
    }

    [Fact]
    public void Given_values_of_every_member_type_reach_the_rules()
    {
        var yaml = Packs.Header
            + Packs.Rule("typed", "Trigger.Text == \"楼上漏水\" && Case.AgeMinutes > 29.5 && Case.IsNew && Location.Floor == -1")
            + """
            tests:
              - name: typed
                given:
                  Trigger: { Text: 楼上漏水, OccurredAt: 2025-01-07T03:00:00+08:00 }
                  Case: { AgeMinutes: 29.75, IsNew: true }
                  Location: { Floor: -1 }
                expect: { fired: [typed] }
            """;

        var pack = RulePackLoader.LoadOrThrow(yaml, "t.yaml");

        pack.RunTests().ShouldAllBe(r => r.Passed);
        pack.TestCount.ShouldBe(1);
    }
}
