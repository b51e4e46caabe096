using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cerebellum.Engine;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using JasperFx.Resources;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Cerebellum.Loadgen;

/// <summary>The intake path (validated signals stored + processing queued through the durable outbox,
/// one transaction per batch) against a plain Marten bulk insert of the same documents, in one run.
/// Each operation stores 10,000 new signals; throughput = 10,000 / mean.</summary>
[MemoryDiagnoser]
public class IntakeBenchmarks
{
    public const int SignalsPerOperation = 10_000;
    public const int BatchSize = 500;
    public const int Workers = 4;
    public static string ConnectionString { get; set; } = "";

    private Microsoft.Extensions.Hosting.IHost host = null!;
    private IDocumentStore store = null!;
    private List<SignalSubmission> signals = [];

    public static IConfig Config() => ManualConfig.CreateMinimumViable()
        .AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(5)
            .WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);

    [GlobalSetup]
    public void Setup()
    {
        if (ConnectionString == "") throw new InvalidOperationException("Pass --db or set GOVERNANCE_DB");
        host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(s => s.AddCerebellumEngine(ConnectionString, PolicyCatalog.LoadFrom(SamplesPath()))
                .AddResourceSetupOnStartup())
            .UseWolverine(o =>
            {
                o.ConfigureCerebellum();
                // Measure acceptance only: the queued ProcessSignal messages are durably stored and
                // then discarded, so case processing does not compete with the measured path.
                o.Discovery.DisableConventionalDiscovery().IncludeType(typeof(DiscardSignalProcessing));
            })
            .Start();
        store = host.Services.GetRequiredService<IDocumentStore>();
        store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void NewSignals()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow.ToString("O");
        signals = Enumerable.Range(0, SignalsPerOperation).Select(i => new SignalSubmission
        {
            Source = "bench", MessageId = $"{run}-{i}", DeviceId = $"dev-bench-{i % 600}", Kind = "smoke",
            OccurredAt = now, Severity = 3, Location = new SignalLocation("cy1", "cy1-b1", null),
        }).ToList();
    }

    [Benchmark(Baseline = true, Description = "plain Marten bulk insert")]
    public async Task PlainMartenBulkInsert()
    {
        var now = DateTimeOffset.UtcNow;
        await store.BulkInsertAsync(signals.Select(s => SignalRecord.From(s, now)).ToList());
    }

    [Benchmark(Description = "SignalIntake (store + durable outbox)")]
    public async Task SignalIntakeAccept()
    {
        var batches = signals.Chunk(BatchSize).ToList();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int mine;
            while ((mine = Interlocked.Increment(ref next)) < batches.Count)
            {
                using var scope = host.Services.CreateScope();
                var intake = new SignalIntake(host.Services.GetRequiredService<OutboxedSessionFactory>(), store,
                    scope.ServiceProvider.GetRequiredService<IMessageBus>(), TimeProvider.System);
                await intake.AcceptAsync(batches[mine], default);
            }
        })));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        host.StopAsync().GetAwaiter().GetResult();
        host.Dispose();
    }

    private static string SamplesPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) return Path.Combine(dir.FullName, "samples");
        return Path.GetFullPath("samples");
    }
}

/// <summary>Stands in for case processing in the benchmark: takes the message off the durable queue.</summary>
public static class DiscardSignalProcessing
{
    public static void Handle(ProcessSignals _) { }
}
