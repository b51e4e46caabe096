using Cerebellum.Rules;

namespace Cerebellum.Portal.Hosting;

/// <summary>
/// <c>rules validate|test &lt;file&gt;</c>: checks a rule pack from the command line, the way a rule author or CI
/// would before publishing. Runs before the web host is built, so it needs no database and no configuration.
/// Exit codes: 0 all good, 1 a pack test failed, 2 the pack does not load, 64 bad usage.
/// <c>rules backtest|publish</c> need the database: see <see cref="RulesDatabaseCommands"/>.
/// </summary>
public static class RulesCommand
{
    public const int Ok = 0;
    public const int TestsFailed = 1;
    public const int Invalid = CommandFile.Invalid;
    public const int Usage = CommandFile.Usage;

    /// <summary>True when the arguments ask for this command rather than for the portal.</summary>
    public static bool Handles(IReadOnlyList<string> args) => args.Count > 0 && args[0] == "rules";

    /// <summary>Every <c>rules</c> command, including the ones that need the database.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        return args.Count >= 3 && args[1] == "backtest" ? await RulesDatabaseCommands.BackTestAsync(args, output)
            : args.Count >= 3 && args[1] == "publish" ? await RulesDatabaseCommands.PublishAsync(args, output)
            : Run(args, output);
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Count != 3 || args[1] is not ("test" or "validate"))
        {
            WriteUsage(output);
            return Usage;
        }

        var file = args[2];
        if (CommandFile.TryRead(file, output) is not { } text) return Invalid;

        var loaded = RulePackLoader.Load(text, file);
        if (!loaded.Succeeded)
        {
            foreach (var diagnostic in loaded.Diagnostics) output.WriteLine(diagnostic);
            output.WriteLine($"{loaded.Diagnostics.Count} error(s): the pack is not valid.");
            return Invalid;
        }

        var pack = loaded.Pack!;
        var name = $"{pack.Id} v{pack.Version}";
        if (args[1] == "validate")
        {
            output.WriteLine($"{file}: {name} is valid ({pack.Rules.Count} rules, {pack.TestCount} tests).");
            return Ok;
        }

        var results = pack.RunTests();
        foreach (var result in results) PackTestReport.Write(output, result);
        var failed = results.Count(r => !r.Passed);
        output.WriteLine($"{name}: {results.Count} tests, {results.Count - failed} passed, {failed} failed.");
        return failed == 0 ? Ok : TestsFailed;
    }

    public static void WriteUsage(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("usage: rules validate <pack.yaml>   load and validate a rule pack");
        output.WriteLine("       rules test <pack.yaml>       validate, then run the pack's own tests");
        output.WriteLine("       rules backtest <pack.yaml> --from 2026-10-01 --to 2026-11-01 [--db <connection string>]");
        output.WriteLine("                                    what the pack would have changed over recorded history");
        output.WriteLine("       rules publish <pack.yaml> --by <name> [--db <connection string>]");
        output.WriteLine("                                    validate, test and publish; every node uses it at once");
    }
}
