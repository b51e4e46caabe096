using Cerebellum.Engine.Privacy;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>An application allowed to submit Open311 requests. The document id is the SHA-256 of its
/// key, so the key itself is never stored and a lookup is one primary-key read. (Keys are long random
/// strings, not passwords: a fast hash is enough, and it keeps a key check off the CPU budget.)</summary>
public sealed record ApiClient(
    [property: Internal] string Id, [property: Internal] string Client, [property: Internal] string Name, [property: Internal] bool Enabled)
{
    public static string HashOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public static ApiClient Create(string client, string name, string key) => new(HashOf(key), client, name, true);

    /// <summary>The enabled client holding this key, or null.</summary>
    public static async Task<ApiClient?> FindAsync(IQuerySession session, string? key, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(key) ? null
        : await session.LoadAsync<ApiClient>(HashOf(key), ct) is { Enabled: true } client ? client : null;
}

/// <summary>The sample key file (samples/open311/api-keys.json): demo keys in clear, hashed on load,
/// the way demo sign-ins are.</summary>
public static class SampleApiKeys
{
    private sealed record KeyEntry(string Client, string Name, string Key);

    public static async Task<bool> LoadIfEmptyAsync(IDocumentStore store, string path, CancellationToken ct)
    {
        if (!File.Exists(path)) return false;
        await using var session = store.LightweightSession();
        if (await session.Query<ApiClient>().AnyAsync(ct)) return false;

        await using var stream = File.OpenRead(path);
        var entries = await JsonSerializer.DeserializeAsync<List<KeyEntry>>(stream, Serialization.Json, ct) ?? [];
        session.Store(entries.Select(e => ApiClient.Create(e.Client, e.Name, e.Key)).ToArray());
        await session.SaveChangesAsync(ct);
        return entries.Count > 0;
    }
}
