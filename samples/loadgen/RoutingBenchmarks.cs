using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Cerebellum.Rules;
using Cerebellum.Workflows;
using Cerebellum.Workflows.Diagrams;

namespace Cerebellum.Loadgen;

/// <summary>Routing cost, single thread, with the sample definitions and the 2026/2027 calendars: choosing a
/// definition and dispatching a case (minute SLAs, and working days across National Day), loading and
/// validating a definition as publishing does, and rendering its Mermaid diagram. No database.</summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private static readonly DateTimeOffset HolidayNight = new(2026, 10, 3, 3, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset EveOfNationalDay = new(2026, 9, 30, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly RoutingInput RedFire = new(RiskLevel.Red, "fire", [Party.Police, Party.Property, Party.Street, Party.Health]);
    private static readonly RoutingInput BlueDispute = new(RiskLevel.Blue, "neighbourhood", [Party.Street, Party.Property]);

    private RoutingCatalog catalog = null!;
    private HolidayCalendar calendar = null!;
    private string emergencyYaml = "";
    private RoutingDefinition emergency = null!;

    public static IConfig Config() => RulesBenchmarks.Config();

    [GlobalSetup]
    public void Setup()
    {
        var samples = RulesBenchmarks.SamplesPath();
        catalog = new RoutingCatalog(Directory.GetFiles(Path.Combine(samples, "workflows"), "*.yaml")
            .Select(path => RoutingDefinitionLoader.LoadOrThrow(File.ReadAllText(path), path)));
        calendar = HolidayCalendar.Merge([.. Directory.GetFiles(Path.Combine(samples, "calendars"), "*.yaml")
            .Select(path => HolidayCalendar.Load(File.ReadAllText(path), path))]);
        emergencyYaml = File.ReadAllText(Path.Combine(samples, "workflows", "emergency-dispatch.yaml"));
        emergency = catalog.Select("fire");
    }

    [Benchmark(Description = "Select + dispatch red fire (5 tasks, minutes)")]
    public IReadOnlyList<TaskDecision> DispatchRedFire() => Router.Dispatch(catalog.Select(RedFire.Category), RedFire, HolidayNight, calendar);

    [Benchmark(Description = "Select + dispatch blue dispute (working days over National Day)")]
    public IReadOnlyList<TaskDecision> DispatchBlueDispute() =>
        Router.Dispatch(catalog.Select(BlueDispute.Category), BlueDispute, EveOfNationalDay, calendar);

    [Benchmark(Description = "Load + validate emergency-dispatch.yaml")]
    public RoutingDefinitionLoadResult Load() => RoutingDefinitionLoader.Load(emergencyYaml, "emergency-dispatch.yaml");

    [Benchmark(Description = "Render Mermaid (emergency-dispatch, zh-CN)")]
    public string Render() => MermaidFlowchart.Render(emergency);
}
