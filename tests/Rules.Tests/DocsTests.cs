using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

/// <summary>docs/rules.md is the authors' reference; it must keep up with the facts and functions.</summary>
public class DocsTests
{
    private static readonly string Docs = Repo.ReadText("docs/rules.md");

    [Fact]
    public void Every_fact_member_is_documented_with_its_type()
    {
        var missing = FactCatalog.Facts
            .SelectMany(f => f.Members.Select(m => $"| `{f.Name}.{m.Name}` | {m.TypeName} |"))
            .Where(row => !Docs.Contains(row, StringComparison.Ordinal))
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_function_and_allowed_string_member_is_documented()
    {
        foreach (var name in typeof(RuleFunctions).GetMethods().Where(m => m.DeclaringType == typeof(RuleFunctions)).Select(m => m.Name))
        {
            Docs.ShouldContain($"| `{name}(");
        }

        foreach (var member in new[] { "Contains", "StartsWith", "EndsWith", "ToLowerInvariant", "ToUpperInvariant", "Trim" })
        {
            Docs.ShouldContain($"`.{member}(");
        }
    }

    [Fact]
    public void The_example_in_the_docs_is_a_valid_pack()
    {
        var start = Docs.IndexOf("```yaml\npack:", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = Docs[start..Docs.IndexOf("```", start, StringComparison.Ordinal)];

        var pack = RulePackLoader.LoadOrThrow(example, "docs/rules.md");

        pack.RunTests().ShouldAllBe(t => t.Passed);
    }
}
