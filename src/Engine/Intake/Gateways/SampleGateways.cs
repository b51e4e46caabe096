using System.Text.Json;
using Marten;

namespace Cerebellum.Engine.Intake.Gateways;

/// <summary>The sample gateways (samples/gateways/gateways.json), loaded on first start like the
/// sample community. Their demo keys are in the file on purpose: run.sh prints them.</summary>
public static class SampleGateways
{
    public static IReadOnlyList<GatewayEntry> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<GatewayEntry>>(stream, Serialization.Json)
               ?? throw new InvalidDataException($"{path}: empty gateways file");
    }

    public static async Task<bool> LoadIfEmptyAsync(IDocumentStore store, string path, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<Gateway>().AnyAsync(ct)) return false;
        session.Store(Read(path).Select(e => e.ToGateway()).ToArray());
        await session.SaveChangesAsync(ct);
        return true;
    }
}
