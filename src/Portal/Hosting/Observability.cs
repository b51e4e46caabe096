using Cerebellum.Engine.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cerebellum.Portal.Hosting;

/// <summary>Traces and metrics (the engine's "Cerebellum" source and meter plus ASP.NET Core's), JSON logs on request.
/// Nothing leaves the process unless asked: OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and /metrics only
/// answers the scrapers <see cref="Cerebellum.Portal.Api.Metrics.GetMetrics"/> lets in. See docs/observability.md.</summary>
public static class Observability
{
    public static void AddCerebellumObservability(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Cerebellum:Logging:Json", false))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }

        // The exporter reads the endpoint, headers and protocol from the standard OTEL_EXPORTER_OTLP_* variables.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "cerebellum-portal"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(Telemetry.Name).AddAspNetCoreInstrumentation();
                if (otlp) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Telemetry.Name).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            });
    }
}
