using Cerebellum.Portal.Hosting;
using Cerebellum.Portal.Mqtt;
using Marten;

namespace Cerebellum.Portal.Api.Health;

/// <summary>GET /health: 200 when the host is warmed up and PostgreSQL answers, 503 with the reason otherwise.</summary>
public static class GetHealth
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/health", async (IDocumentStore store, Readiness readiness, IServiceProvider services, CancellationToken ct) =>
    {
        if (!readiness.IsReady)
            return Results.Json(new { status = "starting", database = "unknown" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        try
        {
            await using var session = store.QuerySession();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await session.QueryAsync<int>("select 1", timeout.Token);
            var mqtt = services.GetService<MqttChannelStatus>()?.State ?? "off";
            return Results.Ok(new { status = "healthy", database = "ok", mqtt });
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Results.Json(new { status = "unhealthy", database = e.GetType().Name + ": " + e.Message },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }).AllowAnonymous();

    /// <summary>GET /health/live: 200 while the process runs, whatever the database says — a liveness probe that
    /// restarts the portal when PostgreSQL is down would not bring PostgreSQL back.</summary>
    public static void MapLive(IEndpointRouteBuilder app) =>
        app.MapGet("/health/live", () => Results.Ok(new { status = "alive" })).AllowAnonymous();
}
