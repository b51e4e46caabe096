using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Cerebellum.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cerebellum.Engine.Tests.CityBrain;

/// <summary>A real NGSI-LD receiver (Kestrel in the test process, on a free port): answers the upsert operation
/// like a context broker (201 when it created an entity, 204 when it only updated), or with
/// <see cref="FailWith"/>, or not at all while stopped. Keeps every request as it arrived.</summary>
public sealed class CityBrainReceiver : IAsyncDisposable
{
    public sealed record Request(string Body, string? Authorization, string? ContentType, int Status);

    private readonly ConcurrentDictionary<string, JsonObject> entities = new();
    private WebApplication? app;

    public int Port { get; } = FreePort.Next();
    public string BaseUrl => $"http://127.0.0.1:{Port}/";
    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Every (entity id, sequence) the receiver accepted, in order: a duplicate delivery shows up twice.</summary>
    public ConcurrentQueue<(string Id, long Sequence)> Accepted { get; } = new();

    /// <summary>0: accept; otherwise the status code every request gets (e.g. 503).</summary>
    public int FailWith { get; set; }

    public bool IsListening => app is not null;

    public JsonObject? Entity(string id) => entities.GetValueOrDefault(id);
    public IReadOnlyList<JsonObject> Entities => [.. entities.Values];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/ngsi-ld/v1/entityOperations/upsert", Upsert);
        await app.StartAsync();
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    private async Task Upsert(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var status = FailWith;
        if (status == 0)
        {
            var created = false;
            foreach (var entity in JsonNode.Parse(body)!.AsArray().Select(e => e!.AsObject()))
            {
                var id = entity["id"]!.GetValue<string>();
                created |= entities.TryAdd(id, entity);
                entities[id] = entity;
                Accepted.Enqueue((id, entity["sequence"]?["value"]?.GetValue<long>() ?? 1));
            }
            status = created ? StatusCodes.Status201Created : StatusCodes.Status204NoContent;
        }
        Requests.Enqueue(new Request(body, context.Request.Headers.Authorization, context.Request.ContentType, status));
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
