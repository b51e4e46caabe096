namespace Cerebellum.Workflows.Tests;

/// <summary>
/// A small valid definition that the diagnostics tests break one line at a time, so every
/// expected line and column can be checked against this listing.
/// </summary>
internal static class DefinitionText
{
    public const string FileName = "test.yaml";

    // Line numbers, for reading the tests:
    //  1 workflow  2 version  3 title  4 categories  5 tasks  6-9 police  10-12 street
    // 13 escalation  14-15 step 1  16 closure  17 feedbackWithinDays
    public const string Valid = """
        workflow: test-dispatch
        version: 1
        title: { zh-CN: 测试, en: Test }
        categories: [noise]
        tasks:
          - party: police
            when: assessed
            minLevel: orange
            sla: { red: 10m, orange: 30m }
          - party: street
            when: always
            sla: 1wd
        escalation:
          - after: 0m
            to: street-supervisor
        closure:
          feedbackWithinDays: 3
        """;

    /// <summary>The valid text with one exact fragment replaced; fails loudly if the fragment is absent.</summary>
    public static string With(string find, string replace)
    {
        Valid.ShouldContain(find);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    public static IReadOnlyList<WorkflowDiagnostic> Diagnose(string yaml)
    {
        var result = RoutingDefinitionLoader.Load(yaml, FileName);
        result.Succeeded.ShouldBeFalse();
        result.Definition.ShouldBeNull();
        return result.Diagnostics;
    }
}
