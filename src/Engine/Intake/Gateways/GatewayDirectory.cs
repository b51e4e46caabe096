using System.Collections.Concurrent;
using Marten;

namespace Cerebellum.Engine.Intake.Gateways;

/// <summary>Authenticates gateways by API key. Keys are looked up by their hash (indexed) and then
/// compared in constant time. Answers are cached briefly because every signal request asks; a revoked
/// key stops working within <see cref="CacheFor"/>.</summary>
public sealed class GatewayDirectory(IDocumentStore store, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<string, (Gateway Gateway, DateTimeOffset Until)> byHash = new();

    /// <summary>The gateway holding this key, or null.</summary>
    public async Task<Gateway?> AuthenticateAsync(string? apiKey, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > 256) return null;
        var hash = ApiKeys.Hash(apiKey);
        var now = clock.GetUtcNow();
        if (!byHash.TryGetValue(hash, out var cached) || cached.Until < now)
        {
            await using var session = store.QuerySession();
            var found = await session.Query<Gateway>().Where(g => g.KeyHash == hash).FirstOrDefaultAsync(ct);
            if (found is null) return null; // misses are not cached: random keys must not grow the cache
            if (byHash.Count >= MaxCached) byHash.Clear();
            cached = (found, now + CacheFor);
            byHash[hash] = cached;
        }
        return ApiKeys.Matches(apiKey, cached.Gateway.KeyHash) ? cached.Gateway : null;
    }

    /// <summary>MQTT sign-in: user name = gateway id, password = API key.</summary>
    public async Task<Gateway?> AuthenticateAsync(string? gatewayId, string? apiKey, CancellationToken ct) =>
        await AuthenticateAsync(apiKey, ct) is { } g && g.Id == gatewayId ? g : null;

    /// <summary>Registers (or re-keys) a gateway and returns its new key, shown once.</summary>
    public async Task<string> RegisterAsync(string id, string name, string communityId, string? vendorProfile, CancellationToken ct)
    {
        var key = ApiKeys.NewKey();
        await using var session = store.LightweightSession();
        session.Store(new Gateway(id, name, communityId, vendorProfile, ApiKeys.Hash(key)));
        await session.SaveChangesAsync(ct);
        byHash.Clear();
        return key;
    }
}
