using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Cerebellum.Loadgen;

/// <summary>Drives POST /api/v1/signals at a target rate with several connections and reports what the
/// portal durably accepted (202s) per second and the request latency percentiles.</summary>
public static class HttpLoad
{
    public static async Task<int> RunAsync(Options o)
    {
        var url = new Uri(o.Get("url", "http://127.0.0.1:5080"));
        var rate = o.Int("rate", 0);
        var seconds = o.Int("seconds", 30);
        var concurrency = o.Int("concurrency", 8);
        var batch = o.Int("batch", 100);
        var community = o.Get("community", "samples/community/community.json");
        var source = o.Get("source", "demo-gw");
        var mix = SignalMix.FromCommunity(community, o.Get("mix", "normal"), source);
        // Without --api-key, the sample gateway's demo key (samples/gateways/gateways.json) is used.
        var apiKey = o.Get("api-key", "") is { Length: > 0 } given ? given : DemoKey(community, source);

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var latencies = new List<double>[concurrency];
        var accepted = new long[concurrency];
        var failures = new Dictionary<int, int>[concurrency];
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        // Each worker's share of the rate: one batch every `interval`.
        var interval = rate > 0 ? TimeSpan.FromSeconds((double)batch * concurrency / rate) : TimeSpan.Zero;

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            failures[w] = [];
            var random = new Random(w);
            var next = clock.Elapsed;
            while (clock.Elapsed < end)
            {
                if (interval > TimeSpan.Zero)
                {
                    next += interval;
                    if (next > clock.Elapsed) await Task.Delay(next - clock.Elapsed);
                }
                var body = new StringContent(mix.NextBatchJson(batch, random), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                var started = clock.Elapsed;
                try
                {
                    using var response = await http.PostAsync("/api/v1/signals", body);
                    latencies[w].Add((clock.Elapsed - started).TotalMilliseconds);
                    if ((int)response.StatusCode == 202)
                        accepted[w] += JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("ids").GetArrayLength();
                    else
                    {
                        if (failures[w].Count == 0 && w == 0) firstFailure = await response.Content.ReadAsStringAsync();
                        failures[w][(int)response.StatusCode] = failures[w].GetValueOrDefault((int)response.StatusCode) + 1;
                    }
                }
                catch (HttpRequestException) { failures[w][0] = failures[w].GetValueOrDefault(0) + 1; }
            }
        })));

        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        Console.WriteLine($"mix={o.Get("mix", "normal")} rate={(rate == 0 ? "max" : rate.ToString())}/s concurrency={concurrency} batch={batch} seconds={elapsed:0.0}");
        Console.WriteLine($"requests={all.Length} accepted_signals={accepted.Sum()} accepted_per_s={accepted.Sum() / elapsed:0}");
        Console.WriteLine($"latency_ms p50={P(0.50):0.0} p95={P(0.95):0.0} p99={P(0.99):0.0} max={(all.Length == 0 ? 0 : all[^1]):0.0}");
        var failed = failures.SelectMany(f => f).GroupBy(f => f.Key).Select(g => $"{(g.Key == 0 ? "connection" : g.Key.ToString())}={g.Sum(x => x.Value)}").ToList();
        if (failed.Count > 0) Console.WriteLine("failures " + string.Join(" ", failed) + (firstFailure is null ? "" : "\nfirst: " + firstFailure));
        return failed.Count > 0 ? 1 : 0;
    }

    public static string DemoKey(string communityFile, string source)
    {
        var gateways = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(communityFile))!, "..", "gateways", "gateways.json");
        return JsonDocument.Parse(File.ReadAllText(gateways)).RootElement.EnumerateArray()
            .FirstOrDefault(g => g.GetProperty("id").GetString() == source) is { ValueKind: JsonValueKind.Object } g
            ? g.GetProperty("apiKey").GetString()!
            : throw new ArgumentException($"No --api-key given and no sample gateway '{source}' in {gateways}");
    }
}
