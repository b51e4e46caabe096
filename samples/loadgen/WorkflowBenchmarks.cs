using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cerebellum.Rules;
using Cerebellum.Workflows;
using Cerebellum.Workflows.Interpreter;

namespace Cerebellum.Loadgen;

/// <summary>The workflow interpreter's cost, single thread, with the sample emergency-dispatch definition and the
/// 2026–2027 calendars: the decisions at assessment (three tasks, working-day SLAs computed), at a breached
/// deadline (breach + escalation step + next timer), and for a task resolved as the last one open.</summary>
[MemoryDiagnoser]
public class WorkflowBenchmarks
{
    private RoutingDefinition definition = null!;
    private HolidayCalendar calendar = null!;
    private readonly DateTimeOffset now = new(2026, 9, 30, 16, 0, 0, TimeSpan.FromHours(8));
    private WorkflowState dispatched = null!;
    private WorkflowState lastOpen = null!;
    private readonly WorkflowTrigger assessed = new WorkflowTrigger.Assessed(new RoutingInput(RiskLevel.Red, "fire", [Party.Police, Party.Property]));
    private readonly WorkflowTrigger deadline = new WorkflowTrigger.DeadlineReached("police", 0, 0);
    private readonly WorkflowTrigger resolved = new WorkflowTrigger.TaskResolved("street", "已处置");

    public static IConfig Config() => ManualConfig.CreateMinimumViable()
        .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);

    [GlobalSetup]
    public void Setup()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples");
        if (!Directory.Exists(samples)) samples = Path.GetFullPath("samples");
        definition = RoutingDefinitionLoader.LoadOrThrow(File.ReadAllText(Path.Combine(samples, "workflows", "emergency-dispatch.yaml")), "emergency-dispatch.yaml");
        calendar = HolidayCalendar.Merge([.. Directory.GetFiles(Path.Combine(samples, "calendars"), "*.yaml")
            .Select(f => HolidayCalendar.Load(File.ReadAllText(f), f))]);
        var tasks = WorkflowInterpreter.Decide(definition, WorkflowState.New, assessed, now, calendar).Decisions
            .OfType<WorkflowDecision.IssueTask>()
            .Select(i => new WorkflowTask(i.TaskKey, i.Party, WorkflowTaskStatus.Assigned, now, i.DueAt, i.SlaText)).ToList();
        dispatched = new WorkflowState(RiskLevel.Red, true, tasks);
        lastOpen = dispatched with { Tasks = [.. tasks.Select(t => t.Key == "street" ? t : t with { Status = WorkflowTaskStatus.Done })] };
    }

    [Benchmark(Description = "Assessed → issue 3 tasks")]
    public WorkflowOutcome Assess() => WorkflowInterpreter.Decide(definition, WorkflowState.New, assessed, now, calendar);

    [Benchmark(Description = "Deadline reached → breach + escalate")]
    public WorkflowOutcome Deadline() => WorkflowInterpreter.Decide(definition, dispatched, deadline, now.AddHours(1), calendar);

    [Benchmark(Description = "Last task resolved → resolve case")]
    public WorkflowOutcome Resolve() => WorkflowInterpreter.Decide(definition, lastOpen, resolved, now, calendar);
}
