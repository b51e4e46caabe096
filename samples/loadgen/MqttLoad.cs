using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace Cerebellum.Loadgen;

/// <summary>Drives MQTT intake: each connection publishes QoS 1 signals on
/// communities/{community}/devices/{deviceId}/signals and waits for the PUBACK, which the portal
/// sends only after the signal is stored. Reports stored signals per second and PUBACK latency.</summary>
public static class MqttLoad
{
    public static async Task<int> RunAsync(Options o)
    {
        var host = o.Get("host", "127.0.0.1");
        var port = o.Int("port", 1883);
        var seconds = o.Int("seconds", 30);
        var concurrency = o.Int("concurrency", 8);
        var community = o.Get("community", "samples/community/community.json");
        var source = o.Get("source", "demo-gw");
        var mix = SignalMix.FromCommunity(community, o.Get("mix", "normal"), source);
        var apiKey = o.Get("api-key", "") is { Length: > 0 } given ? given : HttpLoad.DemoKey(community, source);
        var communityId = JsonDocument.Parse(File.ReadAllText(community)).RootElement.GetProperty("community").GetProperty("id").GetString();

        var latencies = new List<double>[concurrency];
        var stored = new long[concurrency];
        var failed = new long[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            var random = new Random(w);
            using var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port)
                .WithClientId($"loadgen-{w}-{Guid.NewGuid():N}").WithCredentials(source, apiKey).Build());
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var (deviceId, json) = mix.NextMqttSignal(random);
                var started = clock.Elapsed;
                var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic($"communities/{communityId}/devices/{deviceId}/signals")
                    .WithPayload(Encoding.UTF8.GetBytes(json))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                latencies[w].Add((clock.Elapsed - started).TotalMilliseconds);
                if (result.IsSuccess) stored[w]++; else failed[w]++;
            }
            await client.DisconnectAsync();
        })));

        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        Console.WriteLine($"mqtt mix={o.Get("mix", "normal")} concurrency={concurrency} seconds={elapsed:0.0}");
        Console.WriteLine($"stored_signals={stored.Sum()} stored_per_s={stored.Sum() / elapsed:0} failed={failed.Sum()}");
        Console.WriteLine($"puback_ms p50={P(0.50):0.0} p95={P(0.95):0.0} p99={P(0.99):0.0} max={(all.Length == 0 ? 0 : all[^1]):0.0}");
        return failed.Sum() > 0 ? 1 : 0;
    }
}
