using System.Text.Json;
using Cerebellum.Engine.Registry;

namespace Cerebellum.Loadgen;

/// <summary>Realistic traffic from the sample community's devices:
/// normal = each device now and then; storm = 500 devices alarming over and over (the design's alert
/// storm); repeats = a third of the messages are retransmissions of earlier ones (same messageId).</summary>
public sealed class SignalMix(IReadOnlyList<Device> devices, string mix, string source)
{
    private long sequence;
    // Unique per run, so a second run against the same database is new traffic, not repeats.
    private readonly string run = DateTime.UtcNow.ToString("HHmmss");
    private readonly IReadOnlyList<Device> stormDevices = devices.Take(500).ToList();

    public static SignalMix FromCommunity(string path, string mix, string source) =>
        new(SampleCommunity.Read(path).Devices, mix, source);

    /// <summary>One signal for MQTT: the device goes in the topic, the rest in the payload.</summary>
    public (string DeviceId, string Json) NextMqttSignal(Random random)
    {
        var batch = JsonDocument.Parse(NextBatchJson(1, random)).RootElement[0];
        return (batch.GetProperty("deviceId").GetString()!, batch.GetRawText());
    }

    public string NextBatchJson(int size, Random random)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz");
        var items = new List<object>(size);
        for (var i = 0; i < size; i++)
        {
            var n = Interlocked.Increment(ref sequence);
            var pool = mix == "storm" ? stormDevices : devices;
            var device = pool[random.Next(pool.Count)];
            // A repeat reuses a recent messageId: the gateway retransmits what it was not sure went through.
            var messageId = mix == "repeats" && n > 100 && random.Next(3) == 0 ? $"lg-{run}-{n - random.Next(1, 100)}" : $"lg-{run}-{n}";
            items.Add(new { source, messageId, deviceId = device.Id, kind = device.Kind, occurredAt = now, severity = 3 });
        }
        return JsonSerializer.Serialize(items);
    }
}
