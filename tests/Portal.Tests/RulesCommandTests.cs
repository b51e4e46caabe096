using Cerebellum.Portal.Hosting;
using Cerebellum.Testing;

namespace Cerebellum.Portal.Tests;

/// <summary>`rules test|validate &lt;file&gt;` against real pack files; no database involved.</summary>
public sealed class RulesCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("rules-cli-").FullName;

    private const string PackWithWrongExpectation = """
        pack: night-smoke
        version: 2
        title: Night smoke
        defaults: { level: blue, category: general, parties: [street] }
        categories: [fire, general]
        rules:
          - id: smoke
            title: Smoke
            when: Trigger.Kind == "smoke"
            then: { level: orange, category: fire, parties: [property], reason: Smoke }
          - id: smoke-at-night
            title: Smoke at night
            when: Trigger.Kind == "smoke" && Clock.IsNight
            then: { level: red, category: fire, parties: [police], reason: Night }
        tests:
          - name: smoke by night is red
            given: { Trigger: { Kind: smoke }, Clock: { IsNight: true } }
            expect: { level: red, category: fire, parties: [police, property], fired: [smoke, smoke-at-night] }
          - name: smoke by day is red too (wrong on purpose)
            given: { Trigger: { Kind: smoke } }
            expect: { level: red, category: fire, parties: [police, property], fired: [smoke-at-night, smoke] }
        """;

    private const string BrokenPack = """
        pack: broken
        version: 1
        title: Broken
        defaults: { level: blue, category: general, parties: [street] }
        categories: [general]
        rules:
          - id: a
            title: A
            when: Trigger.Kynd == "smoke"
            then: { level: orange, category: general, parties: [street], reason: A }
        """;

    private (int Exit, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var exit = RulesCommand.Run(args, output);
        return (exit, output.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_sample_pack_passes_its_own_tests()
    {
        var (exit, output) = Run("rules", "test", Path.Combine(RepoPaths.Samples, "rules", "community-default.yaml"));

        exit.ShouldBe(0, output);
        output.ShouldContain("PASS  smoke in flat of elderly person living alone at 3am");
        output.ShouldNotContain("FAIL  ", Case.Sensitive);
        output.ShouldMatch(@"community-default v\d+: (\d+) tests, \1 passed, 0 failed\.");
    }

    [Fact]
    public void A_failing_test_exits_1_with_expected_and_actual_side_by_side()
    {
        var (exit, output) = Run("rules", "test", Write("night-smoke.yaml", PackWithWrongExpectation));

        exit.ShouldBe(1, output);
        output.ShouldContain("PASS  smoke by night is red");
        output.ShouldContain("FAIL  smoke by day is red too (wrong on purpose)");
        output.ShouldContain("level      expected  red");
        output.ShouldContain("actual    orange");
        output.ShouldContain("category   ok        fire");
        output.ShouldContain("parties    expected  [police, property]");
        output.ShouldContain("actual    [property]");
        output.ShouldContain("- missing: police");
        output.ShouldContain("- missing: smoke-at-night");
        output.ShouldContain("night-smoke v2: 2 tests, 1 passed, 1 failed.");
    }

    [Fact]
    public void A_broken_pack_exits_2_with_file_line_and_column()
    {
        var path = Write("broken.yaml", BrokenPack);

        var (exit, output) = Run("rules", "test", path);

        exit.ShouldBe(2, output);
        output.ShouldContain($"{path}(9,");
        output.ShouldContain("Unknown member 'Kynd' of fact 'Trigger'");
        Run("rules", "validate", path).Exit.ShouldBe(2);
    }

    [Fact]
    public void Validate_accepts_a_pack_whose_tests_fail_and_reports_bad_usage()
    {
        var (exit, output) = Run("rules", "validate", Write("night-smoke.yaml", PackWithWrongExpectation));
        exit.ShouldBe(0, output);
        output.ShouldContain("night-smoke v2 is valid (2 rules, 2 tests)");

        Run("rules", "lint").Exit.ShouldBe(64);
        Run("rules", "test", Path.Combine(directory, "missing.yaml")).Exit.ShouldBe(2);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

/// <summary>The real entry point: the built portal, with no database configured, checks a pack and exits.</summary>
public sealed class RulesCommandProcessTests
{
    [Fact]
    public async Task The_built_portal_runs_the_command_without_a_database()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(RepoPaths.Root, "src", "Portal", "bin", configuration, "net10.0", "Cerebellum.Portal.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "rules", "test", Path.Combine(RepoPaths.Samples, "rules", "community-default.yaml") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment.Remove("GOVERNANCE_DB");
        start.Environment.Remove("ConnectionStrings__Governance");

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        process.ExitCode.ShouldBe(0, output + errors);
        output.ShouldMatch(@"community-default v\d+: (\d+) tests, \1 passed, 0 failed\.");
    }
}
