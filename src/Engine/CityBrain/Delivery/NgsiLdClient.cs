using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Cerebellum.Engine.CityBrain.Delivery;

/// <summary>What the broker answered: the ids it took; <see cref="Failed"/> holds the rest with the reason.</summary>
public sealed record UpsertResult(IReadOnlyList<string> Accepted, IReadOnlyDictionary<string, string> Failed);

/// <summary>POST /ngsi-ld/v1/entityOperations/upsert. 201/204: all taken; 207: per-entity results; anything
/// else, or no answer within the timeout: none taken.</summary>
public sealed class NgsiLdClient : IDisposable
{
    public const string UpsertPath = "ngsi-ld/v1/entityOperations/upsert";
    private readonly HttpClient http;
    private readonly CityBrainOptions options;

    public NgsiLdClient(IOptions<CityBrainOptions> options)
    {
        this.options = options.Value;
        // One long-lived client; recycling pooled connections picks up DNS changes of the broker.
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = this.options.RequestTimeout,
        };
    }

    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<FeedEntity> entities, CancellationToken ct)
    {
        var body = new StringBuilder("[");
        for (var i = 0; i < entities.Count; i++) body.Append(i == 0 ? "" : ",").Append(entities[i].Json);
        body.Append(']');
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(WithSlash(options.Endpoint)), UpsertPath))
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/ld+json"),
        };
        if (options.AuthorizationHeader != "") request.Headers.TryAddWithoutValidation("Authorization", options.AuthorizationHeader);
        if (options.Tenant != "") request.Headers.Add("NGSILD-Tenant", options.Tenant);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var ids = entities.Select(e => e.Id).ToList();
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.OK)
                return new UpsertResult(ids, new Dictionary<string, string>());
            if (response.StatusCode == HttpStatusCode.MultiStatus)
                return Partial(ids, await response.Content.ReadAsStringAsync(ct));
            return None(ids, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return None(ids, e.Message);
        }
    }

    /// <summary>A 207 body: <c>{"success": [ids], "errors": [{"entityId", "error"}]}</c>. Ids the broker did not
    /// confirm count as failed, so they are sent again.</summary>
    private static UpsertResult Partial(List<string> ids, string body)
    {
        var confirmed = new HashSet<string>();
        var reasons = new Dictionary<string, string>();
        try
        {
            var root = JsonNode.Parse(body);
            foreach (var id in root?["success"]?.AsArray() ?? []) if (id?.GetValue<string>() is { } s) confirmed.Add(s);
            foreach (var error in root?["errors"]?.AsArray() ?? [])
                if (error?["entityId"]?.GetValue<string>() is { } entityId)
                    reasons[entityId] = error["error"]?.ToJsonString() ?? "error";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return None(ids, "HTTP 207 with an unreadable body");
        }
        var accepted = ids.Where(confirmed.Contains).ToList();
        var failed = ids.Where(id => !confirmed.Contains(id))
            .ToDictionary(id => id, id => reasons.GetValueOrDefault(id, "not confirmed in the 207 answer"));
        return new UpsertResult(accepted, failed);
    }

    private static UpsertResult None(List<string> ids, string reason) => new([], ids.ToDictionary(id => id, _ => reason));

    private static string WithSlash(string url) => url.EndsWith('/') ? url : url + "/";

    public void Dispose() => http.Dispose();
}
