namespace Cerebellum.Workflows.Tests;

public class DefinitionDiagnosticsTests
{
    [Fact]
    public void The_base_text_is_valid()
    {
        RoutingDefinitionLoader.Load(DefinitionText.Valid, DefinitionText.FileName).Diagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("version: 1\n", "version: 1\npriority: high\n", 3, 1, "routing definition: unknown key 'priority'")]
    [InlineData("    minLevel: orange", "    minlevel: orange", 8, 5, "task 1: unknown key 'minlevel' (did you mean 'minLevel'?)")]
    [InlineData("version: 1\n", "", 1, 1, "routing definition: missing required key 'version'")]
    [InlineData("    when: assessed\n", "", 6, 5, "task 1: missing required key 'when'")]
    [InlineData("closure:\n  feedbackWithinDays: 3", "closure:\n  reopenOnUnsatisfied: false", 17, 3, "closure: missing required key 'feedbackWithinDays'")]
    [InlineData("title: { zh-CN: 测试, en: Test }", "title: { zh-CN: 测试 }", 3, 8, "title: missing required key 'en'")]
    [InlineData("party: police", "party: polize", 6, 12, "unknown party 'polize'; expected one of: police, property, street, health, resident")]
    [InlineData("minLevel: orange", "minLevel: purple", 8, 15, "unknown risk level 'purple'; expected one of: red, orange, yellow, blue")]
    [InlineData("orange: 30m", "amber: 30m", 9, 22, "unknown risk level 'amber'")]
    [InlineData("red: 10m", "red: 10x", 9, 17, "task 'police' sla: invalid duration '10x': expected a whole number followed by m (minutes)")]
    [InlineData("sla: 1wd", "sla: 0wd", 12, 10, "task 'street' sla: '0wd' must be longer than zero")]
    [InlineData("party: street", "party: police", 10, 12, "party 'police' already has a task in this definition")]
    [InlineData("minLevel: orange", "minLevel: yellow", 9, 10, "task 'police' applies at yellow but its sla has no entry for that level; add it or raise minLevel")]
    [InlineData("    minLevel: orange\n", "", 8, 10, "task 'police' applies at yellow, blue but its sla has no entry for those levels")]
    [InlineData("feedbackWithinDays: 3", "feedbackWithinDays: 0", 17, 23, "feedbackWithinDays must be between 1 and 366, not 0")]
    [InlineData("feedbackWithinDays: 3", "feedbackWithinDays: -2", 17, 23, "feedbackWithinDays must be between 1 and 366, not -2")]
    [InlineData("feedbackWithinDays: 3", "feedbackWithinDays: three", 17, 23, "feedbackWithinDays must be a whole number, not 'three'")]
    [InlineData("when: always", "when: sometimes", 11, 11, "unknown when value 'sometimes'; expected one of: assessed, always")]
    [InlineData("version: 1", "version: 0", 2, 10, "version must be 1 or more, not 0")]
    [InlineData("workflow: test-dispatch", "workflow: Test Dispatch", 1, 11, "workflow id 'Test Dispatch' must be lowercase")]
    [InlineData("categories: [noise]", "categories: [noise, \"*\"]", 4, 13, "\"*\" (every category) cannot be combined with specific categories")]
    [InlineData("categories: [noise]", "categories: [noise, Noise]", 4, 21, "category 'Noise' is listed twice")]
    [InlineData("categories: [noise]", "categories: []", 4, 13, "categories must list at least one category")]
    [InlineData("categories: [noise]", "categories: noise", 4, 13, "categories must be a list")]
    [InlineData("after: 0m", "after: 1wd", 14, 12, "escalation step 1 after: '1wd' uses working days, which are not allowed here")]
    [InlineData("to: street-supervisor", "to: ''", 15, 9, "escalation step 1 to must not be empty")]
    [InlineData("to: street-supervisor", "to: ~", 15, 9, "escalation step 1 to must not be empty")]
    [InlineData("after: 0m", "after: soon", 14, 12, "escalation step 1 after: invalid duration 'soon'")]
    [InlineData("    to: street-supervisor", "    to: a\n  - after: 3h\n    to: b\n  - after: 1h\n    to: c", 18, 12, "escalation step 3: after 1h is earlier than the previous step's 3h; list steps in order")]
    [InlineData("  feedbackWithinDays: 3", "  feedbackWithinDays: 3\n  reopenOnUnsatisfied: yes", 18, 24, "reopenOnUnsatisfied must be true or false, not 'yes'")]
    [InlineData("version: 1", "version: 1\nversion: 2", 3, 1, "YAML syntax error: Duplicate key version")]
    [InlineData("title: { zh-CN: 测试, en: Test }", "title: { zh-CN: 测试, en: Test", 3, 23, "YAML syntax error: the text cannot be read past this point")]
    [InlineData("    when: assessed", "    when: assessed\n     bad: indent", 8, 9, "YAML syntax error:")]
    public void Each_problem_is_reported_where_it_is(string find, string replace, int line, int column, string message)
    {
        var diagnostics = DefinitionText.Diagnose(DefinitionText.With(find, replace));

        diagnostics.ShouldContain(
            d => d.Line == line && d.Column == column && d.Message.StartsWith(message, StringComparison.Ordinal),
            "got:\n" + string.Join("\n", diagnostics));
        diagnostics.ShouldAllBe(d => d.File == DefinitionText.FileName);
    }

    [Fact]
    public void All_errors_are_reported_together_in_file_order()
    {
        var yaml = DefinitionText.Valid
            .Replace("party: police", "party: polize", StringComparison.Ordinal)
            .Replace("sla: 1wd", "sla: 10x", StringComparison.Ordinal)
            .Replace("feedbackWithinDays: 3", "feedbackWithinDays: 0", StringComparison.Ordinal);

        var diagnostics = DefinitionText.Diagnose(yaml);

        diagnostics.Select(d => (d.Line, d.Column)).ShouldBe([(6, 12), (12, 10), (17, 23)]);
        diagnostics[0].ToString().ShouldStartWith("test.yaml(6,12): unknown party 'polize'");
    }

    [Fact]
    public void A_misspelt_key_reports_both_the_key_and_its_consequence()
    {
        // Without minLevel the police task applies at every level, so the missing SLAs surface too.
        var diagnostics = DefinitionText.Diagnose(DefinitionText.With("minLevel: orange", "minlevel: orange"));

        diagnostics.Select(d => (d.Line, d.Column)).ShouldBe([(8, 5), (9, 10)]);
    }

    [Fact]
    public void LoadOrThrow_throws_with_every_diagnostic()
    {
        var yaml = DefinitionText.With("version: 1", "version: 0").Replace("red: 10m", "red: 10x", StringComparison.Ordinal);

        var ex = Should.Throw<WorkflowLoadException>(() => RoutingDefinitionLoader.LoadOrThrow(yaml, "test.yaml"));

        ex.Diagnostics.Count.ShouldBe(2);
        ex.Message.ShouldContain("test.yaml(2,10): version must be 1 or more, not 0");
        ex.Message.ShouldContain("test.yaml(9,17):");
    }
}
