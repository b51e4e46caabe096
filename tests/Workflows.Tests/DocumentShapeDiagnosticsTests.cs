namespace Cerebellum.Workflows.Tests;

public class DocumentShapeDiagnosticsTests
{
    [Theory]
    [InlineData("", 1, 1, "the file is empty; expected a routing definition")]
    [InlineData("# only a comment\n", 1, 1, "the file is empty")]
    [InlineData("- workflow: x\n", 1, 1, "expected a routing definition (a YAML mapping of keys to values) at the top level")]
    [InlineData("just text", 1, 1, "expected a routing definition")]
    [InlineData("workflow: a\n---\nworkflow: b\n", 3, 1, "the file contains more than one YAML document")]
    [InlineData("[1, 2\n", 2, 1, "YAML syntax error:")]
    [InlineData("a: 'unterminated\n", 1, 4, "YAML syntax error:")]
    [InlineData("? [a, b]\n: c\n", 1, 3, "routing definition: keys must be plain words")]
    public void Unusable_documents_are_reported(string yaml, int line, int column, string message)
    {
        var diagnostics = DefinitionText.Diagnose(yaml);

        diagnostics.ShouldContain(
            d => d.Line == line && d.Column == column && d.Message.StartsWith(message, StringComparison.Ordinal),
            "got:\n" + string.Join("\n", diagnostics));
    }

    [Fact]
    public void An_empty_mapping_lists_every_missing_key()
    {
        var diagnostics = DefinitionText.Diagnose("{}");

        diagnostics.Select(d => d.Message).ShouldBe(
            new[] { "workflow", "version", "title", "categories", "tasks", "escalation", "closure" }
                .Select(k => $"routing definition: missing required key '{k}'"));
    }

    [Fact]
    public void Wrong_shapes_are_reported_at_the_value()
    {
        var yaml = DefinitionText.Valid
            .Replace("title: { zh-CN: 测试, en: Test }", "title: Test", StringComparison.Ordinal)
            .Replace("    sla: 1wd", "    sla: [1wd]", StringComparison.Ordinal)
            .Replace("closure:\n  feedbackWithinDays: 3", "closure: 3", StringComparison.Ordinal);

        var diagnostics = DefinitionText.Diagnose(yaml);

        diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "test.yaml(3,8): title must be a mapping of keys to values",
            "test.yaml(12,10): task 'street' sla must be a mapping of keys to values",
            "test.yaml(16,10): closure must be a mapping of keys to values",
        ]);
    }

    [Theory]
    [InlineData("workflow: [")]
    [InlineData("\t\t\t")]
    [InlineData("&a [*a]")]
    [InlineData("tasks: *nowhere")]
    [InlineData("!!binary AAAA: 1")]
    [InlineData("%YAML 9.9\n---\na: 1")]
    [InlineData("tasks:\n  - party: ~\n    when: null\n    sla: ''")]
    [InlineData("tasks: [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]")]
    [InlineData("\uFEFF\u0000workflow: x")]
    [InlineData("closure: { feedbackWithinDays: 99999999999999999999 }")]
    public void Hostile_or_garbled_input_yields_diagnostics_not_exceptions(string yaml)
    {
        var result = RoutingDefinitionLoader.Load(yaml, "bad.yaml");

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.ShouldNotBeEmpty();
        result.Diagnostics.ShouldAllBe(d => d.Line >= 1 && d.Column >= 1);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Nesting_that_would_overflow_the_stack_is_a_diagnostic_at_the_level_too_deep(string open, string close)
    {
        // 200,000 levels crashed the whole process (StackOverflowException) before the depth check.
        const int levels = 200_000;
        var yaml = "workflow: x\ntasks: " + string.Concat(Enumerable.Repeat(open, levels)) + "1" + string.Concat(Enumerable.Repeat(close, levels));
        if (open == "- ") yaml = "workflow: x\ntasks:\n" + string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i * 2 + 2) + "-\n")) + "1\n";

        var result = RoutingDefinitionLoader.Load(yaml, "deep.yaml");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Message.ShouldContain("nested more than 64 levels");
        diagnostic.Line.ShouldBe(open == "- " ? 2 + 64 : 2);
    }

    [Fact]
    public void Ordinary_nesting_is_not_limited()
    {
        var yaml = "workflow: x\ntasks: " + new string('[', 60) + new string(']', 60);

        RoutingDefinitionLoader.Load(yaml, "ok.yaml").Diagnostics.ShouldNotContain(d => d.Message.Contains("nested"));
    }
}
