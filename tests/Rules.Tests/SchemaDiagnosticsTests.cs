using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

/// <summary>Well-formed YAML that does not describe a valid pack.</summary>
public class SchemaDiagnosticsTests
{
    [Fact]
    public void Duplicate_rule_id_points_at_the_second_id_and_names_the_first_line()
    {
        var yaml = Packs.Header + Packs.Rule("smoke", "true") + Packs.Rule("smoke", "false");

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe((12, 9));
        diagnostic.Message.ShouldBe("Duplicate rule id 'smoke' (first defined at line 7).");
    }

    [Fact]
    public void Unknown_level_lists_the_levels()
    {
        var yaml = Packs.Header + Packs.Rule("a", "true", level: "Red");

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe(Positions.Of(yaml, 11, "Red"));
        diagnostic.Message.ShouldBe("Unknown level 'Red'. Use one of: red, orange, yellow, blue. Did you mean 'red'?");
    }

    [Fact]
    public void Unknown_party_lists_the_parties()
    {
        var yaml = Packs.Header + Packs.Rule("a", "true", parties: "[police, fire-brigade]");

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe(Positions.Of(yaml, 11, "fire-brigade"));
        diagnostic.Message.ShouldBe("Unknown party 'fire-brigade'. Use one of: police, property, street, health, resident.");
    }

    [Fact]
    public void Category_must_be_declared_in_categories()
    {
        var yaml = Packs.Header + Packs.Rule("a", "true", category: "fires");

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe(Positions.Of(yaml, 11, "fires"));
        diagnostic.Message.ShouldBe("Unknown category 'fires': it is not declared in 'categories' (fire, flood, general). Did you mean 'fire'?");
    }

    [Fact]
    public void Default_category_is_checked_too()
    {
        var yaml = Packs.Header.Replace("category: general", "category: misc") + Packs.Rule("a", "true");

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe(Positions.Of(yaml, 4, "misc"));
        diagnostic.Message.ShouldStartWith("Unknown category 'misc'");
    }

    [Fact]
    public void Missing_rule_field_is_reported_at_the_rule()
    {
        var yaml = Packs.Header + "  - id: a\n    title: A\n    when: true\n";

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe((7, 5));
        diagnostic.Message.ShouldBe("Missing required field 'then' in rule 'a'.");
    }

    [Fact]
    public void Misspelt_rule_field_is_reported_with_a_suggestion()
    {
        var yaml = Packs.Header + Packs.Rule("a", "true").Replace("priority:", "priorty:");

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe((8, 5));
        diagnostic.Message.ShouldBe("Unknown field 'priorty' in rule 'a'. Allowed fields: id, title, priority, when, then. Did you mean 'priority'?");
    }

    [Fact]
    public void Missing_english_reason_is_reported()
    {
        var yaml = Packs.Header + Packs.Rule("a", "true").Replace(", en: because a", "");

        var diagnostic = Packs.Single(yaml);

        diagnostic.Line.ShouldBe(11);
        diagnostic.Message.ShouldBe("Missing required field 'en' in 'reason' of rule 'a'.");
    }

    [Fact]
    public void Rule_ids_must_be_lowercase_slugs()
    {
        var diagnostic = Packs.Single(Packs.Header + Packs.Rule("Smoke_Alarm!", "true"));

        diagnostic.At().ShouldBe((7, 9));
        diagnostic.Message.ShouldContain("must be lowercase letters and digits");
    }

    [Fact]
    public void Non_numeric_priority_and_bad_version_are_reported()
    {
        var yaml = Packs.Header.Replace("version: 3", "version: 0") + Packs.Rule("a", "true").Replace("priority: 0", "priority: high");

        var result = Packs.Load(yaml);

        result.Diagnostics.Select(d => (d.Line, d.Column, d.Message)).ShouldBe(
        [
            (2, 10, "'version' must be 1 or higher."),
            (8, 15, "Expected 'priority' of rule 'a' to be a whole number, but found 'high'."),
        ]);
    }

    [Fact]
    public void All_errors_in_a_pack_are_reported_in_source_order()
    {
        var yaml = Packs.Header
            + Packs.Rule("a", "Trigger.Kynd == \"x\"", level: "crimson")
            + Packs.Rule("a", "true", parties: "[army]");

        var result = Packs.Load(yaml);

        result.Pack.ShouldBeNull();
        result.Diagnostics.Select(d => d.Line).ShouldBe([9, 11, 12, 16]);
        result.Diagnostics[0].Message.ShouldStartWith("Unknown member 'Kynd' of fact 'Trigger'.");
        result.Diagnostics[1].Message.ShouldStartWith("Unknown level 'crimson'.");
        result.Diagnostics[2].Message.ShouldStartWith("Duplicate rule id 'a'");
        result.Diagnostics[3].Message.ShouldStartWith("Unknown party 'army'.");
    }
}
