namespace Cerebellum.Rules.Tests.Support;

/// <summary>Builds small packs inline. The header is exactly six lines, so rules start on line 7.</summary>
internal static class Packs
{
    public const string Header = """
        pack: test-pack
        version: 3
        title: { zh-CN: 测试, en: Test }
        defaults: { level: blue, category: general, parties: [street] }
        categories: [fire, flood, general]
        rules:

        """;

    /// <summary>A rule in the usual block layout; its 'when' is on the rule's third line.</summary>
    public static string Rule(string id, string when, string level = "yellow", string category = "general",
        string parties = "[property]", int priority = 0) => $"""
          - id: {id}
            priority: {priority}
            when: {when}
            title: {id}
            then: {"{"} level: {level}, category: {category}, parties: {parties}, reason: {"{"} zh-CN: 原因{id}, en: because {id} {"}"} {"}"}

        """;

    public static RulePackLoadResult Load(string yaml) => RulePackLoader.Load(yaml, "test.yaml");

    public static CompiledRulePack Compile(params string[] rules) =>
        RulePackLoader.LoadOrThrow(Header + string.Concat(rules), "test.yaml");

    /// <summary>Loads and returns the only diagnostic, failing with all of them if there is not exactly one.</summary>
    public static RuleDiagnostic Single(string yaml)
    {
        var result = Load(yaml);
        result.Pack.ShouldBeNull();
        result.Diagnostics.Count.ShouldBe(1, string.Join("\n", result.Diagnostics));
        return result.Diagnostics[0];
    }

    /// <summary>Diagnostic for a single rule whose condition is <paramref name="when"/>; the condition starts at line 9, column 11.</summary>
    public static RuleDiagnostic ForCondition(string when) => Single(Header + Rule("r", when));
}
