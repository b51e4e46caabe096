using System.Text.RegularExpressions;
using Cerebellum.Engine.Registry.Importing;
using Cerebellum.Testing;

namespace Cerebellum.Engine.Tests.Registry;

public sealed class RegistryDocsTests
{
    [Fact]
    public void Docs_list_the_csv_columns_the_importer_reads()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "registry.md"));
        foreach (var (file, columns) in CsvColumns.ByFile)
        {
            var line = lines.SingleOrDefault(l => l.StartsWith($"| `{file}.csv`", StringComparison.Ordinal));
            line.ShouldNotBeNull($"docs/registry.md has no row for {file}.csv");
            var documented = Regex.Matches(line.Split('|')[2], "`([^`]+)`").Select(m => m.Groups[1].Value);
            documented.ShouldBe(columns, $"{file}.csv");
            foreach (var optional in columns.Where(c => CsvColumns.IsOptional(file, c)))
                line.ShouldContain($"*`{optional}`*");
        }
    }
}
