namespace Cerebellum.Portal.Hosting;

/// <summary>Headers on every response that make the portal harder to abuse from other sites.</summary>
public static class SecurityHeaders
{
    // Blazor Server needs its own scripts and a same-origin WebSocket; MudBlazor sets inline styles, so styles
    // (not scripts) may be inline. Nothing is loaded from anywhere else: no CDNs, no map tiles.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            // Feedback links carry a token in the path: never leak it to another site through Referer.
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next();
    });
}
