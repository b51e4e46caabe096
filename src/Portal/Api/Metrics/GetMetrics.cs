using System.Net;
using System.Security.Cryptography;
using System.Text;
using OpenTelemetry.Exporter;

namespace Cerebellum.Portal.Api.Metrics;

/// <summary>GET /metrics: the Prometheus scrape. Metrics say how busy the districts are and when, so not for everyone:
/// without Cerebellum:Metrics:Token only callers on the loopback interface get them (a Prometheus or agent on the same
/// machine); with a token, every caller must send "Authorization: Bearer &lt;token&gt;", loopback included — behind a
/// reverse proxy on the same machine every request looks local. Anyone else gets 403.</summary>
public static class GetMetrics
{
    public const string Path = "/metrics";

    public static void Map(WebApplication app)
    {
        var token = app.Configuration["Cerebellum:Metrics:Token"];
        app.UseWhen(http => http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (http, next) =>
        {
            if (Allowed(http, token)) await next(http);
            else await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: string.IsNullOrEmpty(token)
                    ? "Metrics are served to loopback callers only."
                    : "Metrics need the header Authorization: Bearer <Cerebellum:Metrics:Token>.").ExecuteAsync(http);
        }));
        // Scrapers only GET; the exporter maps every method unless told.
        app.MapPrometheusScrapingEndpoint(Path).WithMetadata(new HttpMethodMetadata([HttpMethods.Get])).AllowAnonymous();
    }

    public static bool Allowed(HttpContext http, string? token)
    {
        if (string.IsNullOrEmpty(token))
            return http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        // Constant time: the comparison must not tell a guesser how many characters were right.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
