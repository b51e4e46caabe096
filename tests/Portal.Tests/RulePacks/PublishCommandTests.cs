using System.Text.RegularExpressions;
using Cerebellum.Portal.Hosting;
using Cerebellum.Testing;
using Npgsql;

namespace Cerebellum.Portal.Tests.RulePacks;

/// <summary>`rules publish` against a database of its own: the same checks as the HTTP publish, with exit codes.</summary>
public sealed class PublishCommandTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("publish-cli-").FullName;
    private string db = "";

    private static readonly string SamplePack = File.ReadAllText(Path.Combine(RepoPaths.Samples, "rules", "community-default.yaml"));
    private static readonly int SampleVersion = int.Parse(Regex.Match(SamplePack, @"(?m)^version: (\d+)").Groups[1].Value);

    public async Task InitializeAsync() => db = await TestDatabase.CreateAsync("publish_cli");

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string WithVersion(int version) => Regex.Replace(SamplePack, @"(?m)^version: \d+", $"version: {version}");

    private static async Task<(int Exit, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        return (await RulesCommand.RunAsync(args, output), output.ToString());
    }

    private async Task<List<(int Version, string By)>> PublishedAsync()
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        // No table at all when nothing was ever stored: Marten creates it on the first write.
        await using (var exists = new NpgsqlCommand("select to_regclass('cerebellum.mt_doc_publishedrulepack') is not null", connection))
            if (!(bool)(await exists.ExecuteScalarAsync())!) return [];
        await using var query = new NpgsqlCommand(
            "select (data->>'version')::int, data->>'publishedBy' from cerebellum.mt_doc_publishedrulepack order by 1", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<(int, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt32(0), reader.GetString(1)));
        return rows;
    }

    [Fact]
    public async Task Publishes_a_valid_tested_newer_pack_once_and_records_who()
    {
        var next = Write("next.yaml", WithVersion(SampleVersion + 1));
        var (exit, output) = await Run("rules", "publish", next, "--by", "author1", "--db", db);
        exit.ShouldBe(0, output);
        output.ShouldContain($"Published community-default v{SampleVersion + 1}");
        (await PublishedAsync()).ShouldBe([(SampleVersion + 1, "author1")]);

        (exit, output) = await Run("rules", "publish", next, "--by", "author2", "--db", db);
        exit.ShouldBe(3, output);
        output.ShouldContain("not newer");
        // Not newer than the pack file in force either.
        (await Run("rules", "publish", Write("same.yaml", SamplePack), "--by", "author1", "--db", db)).Exit.ShouldBe(3);
        (await PublishedAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Refuses_an_invalid_pack_failing_tests_and_bad_usage_and_stores_nothing()
    {
        var failing = Write("failing.yaml", WithVersion(SampleVersion + 2).Replace("level: red", "level: blue"));
        var (exit, output) = await Run("rules", "publish", failing, "--by", "author1", "--db", db);
        exit.ShouldBe(1, output);
        output.ShouldContain("FAIL ");
        output.ShouldContain("nothing was published");

        var broken = Write("broken.yaml", WithVersion(SampleVersion + 3).Replace("when: Trigger.Kind == \"smoke\"", "when: Trigger.Knd == \"smoke\""));
        (exit, output) = await Run("rules", "publish", broken, "--by", "author1", "--db", db);
        exit.ShouldBe(2, output);
        output.ShouldMatch(@"broken\.yaml\(\d+,\d+\): .*Knd");

        (await Run("rules", "publish", failing, "--db", db)).Exit.ShouldBe(64);
        (await Run("rules", "publish", failing, "--by", "author1", "--host", "x")).Exit.ShouldBe(64);
        var unreachable = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2";
        (await Run("rules", "publish", Write("ok.yaml", WithVersion(SampleVersion + 4)), "--by", "a", "--db", unreachable)).Exit.ShouldBe(69);
        (await PublishedAsync()).ShouldBeEmpty();
    }

    public async Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        await TestDatabase.DropAsync(db);
    }
}
