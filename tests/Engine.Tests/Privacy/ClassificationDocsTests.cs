using Cerebellum.Engine.Privacy;
using Cerebellum.Testing;

namespace Cerebellum.Engine.Tests.Privacy;

/// <summary>docs/privacy.md lists the class of every stored field; this keeps it true. To refresh the table after adding
/// fields, run this test with CEREBELLUM_UPDATE_DOCS=1 and commit the change.</summary>
[Collection(nameof(EngineCollection))]
public sealed class ClassificationDocsTests(EngineFixture fixture)
{
    private const string Begin = "<!-- classification-table:begin -->\n";
    private const string End = "<!-- classification-table:end -->";

    [Fact]
    public void The_privacy_page_lists_the_class_of_every_stored_field()
    {
        var table = ClassificationTable.Markdown(StoredTypes.Documents(fixture.Store).Concat(StoredTypes.Events(fixture.Store)));
        var path = Path.Combine(RepoPaths.Root, "docs", "privacy.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"docs/privacy.md has no {Begin.Trim()} marker.");
        var current = doc[(start + Begin.Length)..end];
        if (current != table && Environment.GetEnvironmentVariable("CEREBELLUM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, doc[..(start + Begin.Length)] + table + doc[end..]);
            return;
        }
        current.ShouldBe(table, "docs/privacy.md's classification table is out of date: run this test with CEREBELLUM_UPDATE_DOCS=1.");
    }
}
