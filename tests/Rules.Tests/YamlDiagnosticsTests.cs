using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

/// <summary>Problems with the document itself, before any rule is looked at.</summary>
public class YamlDiagnosticsTests
{
    [Fact]
    public void Syntax_error_is_reported_at_its_position_with_the_file_name()
    {
        // The dedented " priority" belongs to neither the rule nor the top level.
        var diagnostic = Packs.Single("pack: p\nversion: 1\nrules:\n  - id: a\n priority: 1\n");

        diagnostic.File.ShouldBe("test.yaml");
        (diagnostic.Line, diagnostic.Column).ShouldBe((5, 2));
        diagnostic.Message.ShouldStartWith("YAML syntax error: While parsing a block mapping");
        diagnostic.ToString().ShouldStartWith("test.yaml(5,2): YAML syntax error:");
    }

    [Fact]
    public void Malformed_flow_sequence_does_not_throw_and_points_near_the_problem()
    {
        // YamlDotNet throws a bare InvalidOperationException for this input.
        var result = RulePackLoader.Load("pack: p\ncategories: [1, 2\nversion: 3\n", "bad.yaml");

        result.Succeeded.ShouldBeFalse();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Message.ShouldStartWith("YAML syntax error");
        diagnostic.Line.ShouldBe(2);
    }

    [Fact]
    public void Duplicate_key_is_a_syntax_error_on_the_second_key()
    {
        var diagnostic = Packs.Single("pack: p\nversion: 1\npack: q\n");

        (diagnostic.Line, diagnostic.Column).ShouldBe((3, 1));
        diagnostic.Message.ShouldContain("Duplicate key");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Empty_pack_is_reported(string text)
    {
        var diagnostic = Packs.Single(text);

        (diagnostic.Line, diagnostic.Column).ShouldBe((1, 1));
        diagnostic.Message.ShouldBe("The rule pack is empty.");
    }

    [Fact]
    public void Second_document_is_rejected()
    {
        var diagnostic = Packs.Single(Packs.Header + Packs.Rule("a", "true") + "---\npack: other\n");

        diagnostic.Line.ShouldBe(13);
        diagnostic.Message.ShouldContain("exactly one YAML document");
    }

    [Fact]
    public void Anchors_and_aliases_are_rejected()
    {
        var diagnostic = Packs.Single("pack: p\nx: &shared { level: red }\ny: *shared\n");

        (diagnostic.Line, diagnostic.Column).ShouldBe((2, 4));
        diagnostic.Message.ShouldContain("Anchors and aliases");
    }

    [Fact]
    public void Root_must_be_a_mapping()
    {
        var diagnostic = Packs.Single("- just\n- a list\n");

        (diagnostic.Line, diagnostic.Column).ShouldBe((1, 1));
        diagnostic.Message.ShouldContain("the rule pack to be a mapping");
    }

    [Fact]
    public void Unknown_top_level_key_is_an_error_with_a_suggestion()
    {
        var diagnostic = Packs.Single(Packs.Header + Packs.Rule("a", "true") + "test:\n  - name: x\n");

        (diagnostic.Line, diagnostic.Column).ShouldBe((12, 1));
        diagnostic.Message.ShouldBe("Unknown field 'test' in the rule pack. Allowed fields: pack, version, title, defaults, "
            + "categories, rules, tests. Did you mean 'tests'?");
    }

    [Fact]
    public void Every_missing_top_level_field_is_reported()
    {
        var result = Packs.Load("pack: p\nrules: []\n");

        result.Diagnostics.Select(d => d.Message).ShouldBe(
        [
            "Missing required field 'version' in the rule pack.",
            "Missing required field 'title' in the rule pack.",
            "Missing required field 'categories' in the rule pack.",
            "Missing required field 'defaults' in the rule pack.",
        ]);
        result.Diagnostics.ShouldAllBe(d => d.Line == 1 && d.Column == 1);
    }

    [Fact]
    public void Load_or_throw_lists_every_diagnostic()
    {
        var error = Should.Throw<RulePackLoadException>(() => RulePackLoader.LoadOrThrow("pack: p\nrules: []\n", "x.yaml"));

        error.Diagnostics.Count.ShouldBe(4);
        error.Message.ShouldContain("4 error(s)");
        error.Message.ShouldContain("x.yaml(1,1): Missing required field 'defaults' in the rule pack.");
    }
}
