using Cerebellum.Engine.Policies.RulePacks;
using Cerebellum.Engine.Policies.RulePacks.BackTesting;
using Cerebellum.Rules;
using Cerebellum.Rules.BackTesting;

namespace Cerebellum.Portal.Hosting;

/// <summary>
/// <c>rules backtest &lt;file&gt; --from D --to D [--db C]</c> and <c>rules publish &lt;file&gt; --by NAME [--db C]</c>:
/// the commands that need the database. Publishing runs the same checks as the HTTP publish (valid, tests pass,
/// version newer than every published one and the one in force). Exit codes: 0 done, 1 a pack test failed,
/// 2 the pack does not load, 3 the version is not newer, 64 bad usage, 69 the database cannot be reached.
/// </summary>
internal static class RulesDatabaseCommands
{
    public const int NotNewer = 3;
    public const int Unavailable = 69;

    public static async Task<int> BackTestAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var (options, error) = CommandOptions.Parse(args.Skip(3), "from", "to", "db");
        if (error is null && !(options.ContainsKey("from") && options.ContainsKey("to"))) error = "--from and --to are required";
        DateTimeOffset from = default, to = default;
        if (error is null && !BackTestDates.TryParse(options["from"], out from)) error = $"--from '{options["from"]}' is not a date (2026-10-01) or an instant with an offset";
        if (error is null && !BackTestDates.TryParse(options["to"], out to)) error = $"--to '{options["to"]}' is not a date (2026-11-01) or an instant with an offset";
        if (error is null && BackTestRange.Problem(from, to) is { } range) error = range.Message;
        if (error is not null) return UsageError(output, error);
        if (Load(args[2], output) is not { } pack) return RulesCommand.Invalid;

        return await WithDatabaseAsync(options.GetValueOrDefault("db"), output, async db =>
        {
            var report = await new RulePackBackTest(db.Store, db.Policies.Calendar).RunAsync(pack, from, to, default);
            BackTestTable.Write(output, report);
            return RulesCommand.Ok;
        });
    }

    public static async Task<int> PublishAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var (options, error) = CommandOptions.Parse(args.Skip(3), "by", "db");
        if (error is null && string.IsNullOrWhiteSpace(options.GetValueOrDefault("by"))) error = "--by <name> is required: who publishes is recorded";
        if (error is not null) return UsageError(output, error);
        if (Read(args[2], output) is not { } yaml) return RulesCommand.Invalid;

        return await WithDatabaseAsync(options.GetValueOrDefault("db"), output, async db =>
        {
            var result = await RulePackPublishing.PublishAsync(db.Store, db.Policies, yaml, options["by"].Trim(), DateTimeOffset.UtcNow, default);
            switch (result.Status)
            {
                case PublishStatus.Published:
                    output.WriteLine($"Published {result.Pack!.Id} v{result.Pack.Version} ({result.Pack.Rules.Count} rules, " +
                        $"{result.Pack.TestCount} tests passed) by {options["by"].Trim()}; every node uses it for its next assessment.");
                    return RulesCommand.Ok;
                case PublishStatus.Invalid:
                    foreach (var d in result.Diagnostics) output.WriteLine(d with { File = args[2] });
                    output.WriteLine($"{result.Diagnostics.Count} error(s): the pack is not valid; nothing was published.");
                    return RulesCommand.Invalid;
                case PublishStatus.TestsFailed:
                    foreach (var failure in result.Failures) PackTestReport.Write(output, failure);
                    output.WriteLine($"{result.Failures.Count} pack test(s) failed; nothing was published.");
                    return RulesCommand.TestsFailed;
                default:
                    output.WriteLine($"{result.Problem} Nothing was published.");
                    return NotNewer;
            }
        });
    }

    private static async Task<int> WithDatabaseAsync(string? db, TextWriter output, Func<CommandDatabase, Task<int>> run)
    {
        CommandDatabase database;
        try
        {
            database = CommandDatabase.Open(db);
        }
        catch (InvalidOperationException e)
        {
            return UsageError(output, e.Message + " Or pass --db <connection string>.");
        }
        catch (ArgumentException e)
        {
            return UsageError(output, $"--db is not a valid connection string: {e.Message}");
        }
        await using (database)
        {
            try
            {
                return await run(database);
            }
            catch (Exception e) when (CommandDatabase.IsUnavailable(e))
            {
                output.WriteLine($"Cannot reach the database: {e.Message}");
                return Unavailable;
            }
        }
    }

    private static string? Read(string file, TextWriter output)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            output.WriteLine($"{file}(1,1): cannot read the file: {e.Message}");
            return null;
        }
    }

    private static CompiledRulePack? Load(string file, TextWriter output)
    {
        if (Read(file, output) is not { } text) return null;
        var loaded = RulePackLoader.Load(text, file);
        foreach (var diagnostic in loaded.Diagnostics) output.WriteLine(diagnostic);
        if (!loaded.Succeeded) output.WriteLine($"{loaded.Diagnostics.Count} error(s): the pack is not valid.");
        return loaded.Pack;
    }

    private static int UsageError(TextWriter output, string error)
    {
        output.WriteLine($"rules: {error}");
        RulesCommand.WriteUsage(output);
        return RulesCommand.Usage;
    }
}
