using System.Diagnostics;
using System.Globalization;
using Cerebellum.Rules;

namespace Cerebellum.Loadgen;

/// <summary>
/// The <see cref="RulesBenchmarks"/> assessment loop timed by CPU time as well as wall time. On a machine shared with
/// other work, wall time counts the time the thread waited for a core; the process's CPU time (GC included) does not,
/// so CPU ns per assessment is the per-core cost. A supplement to the BenchmarkDotNet figure, not a replacement.
/// </summary>
public static class RulesCpuTime
{
    public static int Run(Options options)
    {
        var assessments = int.Parse(options.Get("assessments", "200000"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(options.Get("rounds", "5"), CultureInfo.InvariantCulture);
        var benchmark = new RulesBenchmarks();
        benchmark.Setup();
        for (var i = 0; i < 20_000; i++) benchmark.Assess();

        var process = Process.GetCurrentProcess();
        var cpus = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            GC.Collect();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < assessments; i++) benchmark.Assess();
            wall.Stop();
            process.Refresh();
            var cpuNs = (process.TotalProcessorTime - cpu).TotalNanoseconds / assessments;
            cpus.Add(cpuNs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {cpuNs / 1000:0.00} µs CPU, {wall.Elapsed.TotalNanoseconds / assessments / 1000:0.00} µs wall per assessment"));
        }
        var median = cpus.Order().ElementAt(cpus.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {median / 1000:0.00} µs CPU per assessment = {1e9 / median:0} assessments/s per core"));
        return 0;
    }
}
