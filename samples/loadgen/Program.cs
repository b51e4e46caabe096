using BenchmarkDotNet.Running;
using Cerebellum.Loadgen;

// loadgen mqtt  --port 1883 --seconds 20 --concurrency 8
// loadgen http  --url http://127.0.0.1:5080 --rate 2000 --seconds 30 --concurrency 8 --batch 100 --mix storm
// loadgen bench-workflows   (BenchmarkDotNet: workflow interpreter decisions)
// loadgen bench-rules   (BenchmarkDotNet: rule assessments/s, 500-rule pack compile time)
// loadgen bench-routing (BenchmarkDotNet: dispatch, definition load, Mermaid render)
// loadgen cpu-rules     (the same assessments timed by CPU time: the per-core cost on a shared machine)
// loadgen bench --db "Host=...;Database=...;Username=...;Password=..."   (BenchmarkDotNet: intake vs plain Marten append)
var mode = args.FirstOrDefault() ?? "help";
var options = Options.Parse(args.Skip(1).ToArray());
switch (mode)
{
    case "http":
        return await HttpLoad.RunAsync(options);
    case "mqtt":
        return await MqttLoad.RunAsync(options);
    case "bench":
        IntakeBenchmarks.ConnectionString = options.Get("db", Environment.GetEnvironmentVariable("GOVERNANCE_DB") ?? "");
        BenchmarkRunner.Run<IntakeBenchmarks>(IntakeBenchmarks.Config());
        return 0;
    case "bench-rules":
        BenchmarkRunner.Run<RulesBenchmarks>(RulesBenchmarks.Config());
        return 0;
    case "bench-routing":
        BenchmarkRunner.Run<RoutingBenchmarks>(RoutingBenchmarks.Config());
        return 0;
    case "bench-workflows":
        BenchmarkRunner.Run<WorkflowBenchmarks>(WorkflowBenchmarks.Config());
        return 0;
    case "cpu-rules":
        return RulesCpuTime.Run(options);
    default:
        Console.WriteLine("""
            Cerebellum load generator
              http   drive POST /api/v1/signals of a running portal
                     --url URL (http://127.0.0.1:5080)  --rate SIGNALS_PER_S (0 = as fast as possible)
                     --seconds N (30)  --concurrency N (8)  --batch N (100)  --mix normal|storm|repeats (normal)
                     --source GATEWAY (demo-gw)  --api-key KEY (default: the sample gateway's demo key)
                     --community FILE (samples/community/community.json)
              mqtt   publish QoS 1 signals to the portal's MQTT broker, one PUBACK awaited per message
                     --host H (127.0.0.1)  --port P (1883)  --seconds N  --concurrency N  --mix  --source  --api-key
              bench  BenchmarkDotNet: SignalIntake vs a plain Marten append of the same documents
                     --db CONNECTION_STRING (or GOVERNANCE_DB); the database is used for its own schema
              bench-rules  BenchmarkDotNet: assessments/s with the sample rule pack (one thread) and the
                     load + compile time of a generated 500-rule pack; no database
              bench-routing  BenchmarkDotNet: dispatch, definition loading and Mermaid rendering with the
                     sample routing definitions; no database
              bench-workflows  BenchmarkDotNet: workflow interpreter decisions (dispatch, breach + escalation,
                     closure) with the sample emergency-dispatch definition; no database
              cpu-rules  the bench-rules assessment loop timed by process CPU time (per-core cost when the
                     machine is shared)  --assessments N (200000)  --rounds N (5)
            """);
        return mode == "help" ? 0 : 2;
}
