using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

/// <summary>Errors inside conditions, positioned at the offending token (the condition starts at 9,11).</summary>
public class ExpressionDiagnosticsTests
{
    [Fact]
    public void Unknown_member_points_at_the_member_and_lists_the_valid_ones()
    {
        var diagnostic = Packs.ForCondition("Trigger.Kynd == \"smoke\"");

        diagnostic.At().ShouldBe((9, 19));
        diagnostic.Message.ShouldBe("Unknown member 'Kynd' of fact 'Trigger'. Did you mean 'Kind'? "
            + "Valid members: ItemType, Kind, Severity, Source, OccurredAt, Text.");
    }

    [Fact]
    public void Unknown_member_of_a_later_fact_points_at_that_member()
    {
        var diagnostic = Packs.ForCondition("Trigger.Kind == \"gas\" && Household.LivesAlone");

        diagnostic.At().ShouldBe((9, 46));
        diagnostic.Message.ShouldStartWith("Unknown member 'LivesAlone' of fact 'Household'. Valid members: Known, Size, ElderlyLivingAlone,");
    }

    [Theory]
    [InlineData("Housold.Known", "Housold", "Household")]
    [InlineData("trigger.Severity > 2", "trigger", "Trigger")]
    [InlineData("Betwen(Clock.Hour, 0, 5)", "Betwen", "Between")]
    public void Unknown_fact_or_function_suggests_the_closest_name(string when, string wrong, string suggestion)
    {
        var diagnostic = Packs.ForCondition(when);

        diagnostic.At().ShouldBe((9, 11));
        diagnostic.Message.ShouldBe($"Unknown identifier '{wrong}'. Did you mean '{suggestion}'? Conditions can use the facts "
            + "Trigger, Case, Location, Household, Device, History, Clock and the functions Between, In, ContainsAny, LevelAtLeast.");
    }

    [Theory]
    [InlineData("Trigger.Severity + 1", "int")]
    [InlineData("Trigger.Kind", "string")]
    [InlineData("Case.AgeMinutes * 2", "double")]
    public void Condition_must_be_bool(string when, string actualType)
    {
        var diagnostic = Packs.ForCondition(when);

        diagnostic.At().ShouldBe((9, 11));
        diagnostic.Message.ShouldBe($"A condition must be a bool (true/false) expression, but this one is of type {actualType}.");
    }

    [Theory]
    [InlineData("Trigger.Kind > 3", 24, "'>' cannot be applied to string and int")]
    [InlineData("Trigger.Severity == \"high\"", 28, "'==' cannot be applied to int and string")]
    [InlineData("Clock.IsNight && Trigger.Kind", 25, "'&&' cannot be applied to bool and string")]
    public void Type_mismatch_points_at_the_operator(string when, int column, string message)
    {
        var diagnostic = Packs.ForCondition(when);

        diagnostic.At().ShouldBe((9, column));
        diagnostic.Message.ShouldStartWith("Operator " + message + ".");
    }

    [Fact]
    public void Missing_operand_points_at_the_dangling_operator()
    {
        var diagnostic = Packs.ForCondition("Trigger.Severity > 3 &&");

        diagnostic.At().ShouldBe((9, 32));
        diagnostic.Message.ShouldBe("Operator '&&' is missing its right-hand operand.");
    }

    [Fact]
    public void Unterminated_string_is_reported_without_the_parser_index()
    {
        var diagnostic = Packs.ForCondition("'Trigger.Kind == \"smoke'");

        diagnostic.Line.ShouldBe(9);
        diagnostic.Message.ShouldContain("Unterminated string literal");
        diagnostic.Message.ShouldNotContain("at index");
    }

    [Fact]
    public void Single_quoted_condition_column_accounts_for_the_quote()
    {
        var diagnostic = Packs.ForCondition("'Trigger.Kynd == \"smoke\"'");

        diagnostic.At().ShouldBe((9, 20));
    }

    [Fact]
    public void Literal_block_condition_points_at_the_right_line_and_column()
    {
        var yaml = Packs.Header + Packs.Rule("r", "|\n      Clock.IsNight &&\n        Trigger.Kynd == \"smoke\"");

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe(Positions.Of(yaml, 11, "Kynd"));
    }

    [Fact]
    public void Folded_block_condition_points_at_the_right_line_and_column()
    {
        var yaml = Packs.Header + Packs.Rule("r", ">-\n      Clock.IsNight &&\n      Trigger.Kynd == \"smoke\"");

        var diagnostic = Packs.Single(yaml);

        diagnostic.At().ShouldBe(Positions.Of(yaml, 11, "Kynd"));
    }

    [Fact]
    public void Each_entry_of_a_when_list_is_checked_at_its_own_position()
    {
        var yaml = Packs.Header + Packs.Rule("r", "\n      - Clock.IsNigth\n      - Trigger.Severity\n      - Trigger.Kind == \"x\"");

        var result = Packs.Load(yaml);

        result.Diagnostics.Select(d => d.At()).ShouldBe([Positions.Of(yaml, 10, "IsNigth"), Positions.Of(yaml, 11, "Trigger")]);
        result.Diagnostics[0].Message.ShouldStartWith("Unknown member 'IsNigth' of fact 'Clock'. Did you mean 'IsNight'?");
        result.Diagnostics[1].Message.ShouldContain("of type int");
    }

    [Fact]
    public void Unquoted_negation_is_explained_as_a_yaml_tag()
    {
        var diagnostic = Packs.ForCondition("!Household.Known");

        diagnostic.At().ShouldBe((9, 11));
        diagnostic.Message.ShouldContain("YAML reads '!Household.Known' as a tag");
        Packs.Load(Packs.Header + Packs.Rule("r", "\"!Household.Known\"")).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Empty_condition_is_reported()
    {
        var diagnostic = Packs.ForCondition("");

        diagnostic.At().ShouldBe((9, 10));
        diagnostic.Message.ShouldBe("'when' of rule 'r' is empty.");
    }

    [Fact]
    public void Double_quoted_condition_with_escapes_falls_back_to_the_scalar_start()
    {
        var diagnostic = Packs.ForCondition("\"Trigger.Kynd == \\\"x\\\"\"");

        diagnostic.At().ShouldBe((9, 11));
        diagnostic.Message.ShouldStartWith("Unknown member 'Kynd' of fact 'Trigger'.");
    }

    [Theory]
    [InlineData("Clock.IsNight ? true : false", 32, "YAML syntax error")]
    [InlineData("!Household.Known && Clock.IsNight", 11, "Anchors and aliases")]
    [InlineData("*Trigger", 11, "YAML syntax error: The anchor 'Trigger'")]
    public void Unquoted_conditions_that_break_yaml_get_a_quoting_hint(string when, int column, string start)
    {
        var diagnostic = Packs.ForCondition(when);

        diagnostic.At().ShouldBe((9, column));
        diagnostic.Message.ShouldStartWith(start);
        diagnostic.Message.ShouldContain("If this is a condition, quote it in single quotes");
    }
}
