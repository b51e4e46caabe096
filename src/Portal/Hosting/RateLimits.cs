using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cerebellum.Portal.Hosting;

/// <summary>Limits for what anyone on the internet can call: residents' Open311 complaints and the sign-in form.
/// Device signals are deliberately not limited here: they come from gateways holding API keys, and a fire that sets
/// off forty detectors is exactly when they must all get in (batch and body size caps bound each request).</summary>
public static class RateLimits
{
    public const string PublicIntake = "public-intake";
    public const string SignIn = "sign-in";

    /// <summary>Per client address and minute; <c>Cerebellum:RateLimits</c> overrides.</summary>
    public sealed class Settings
    {
        public int PublicIntakePerMinute { get; set; } = 60;
        public int SignInPerMinute { get; set; } = 20;
    }

    public static IServiceCollection AddCerebellumRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var settings = config.GetSection("Cerebellum:RateLimits").Get<Settings>() ?? new Settings();
        return services.AddRateLimiter(o =>
        {
            o.AddPolicy(PublicIntake, http => PerClient(http, PublicIntake, settings.PublicIntakePerMinute));
            o.AddPolicy(SignIn, http => PerClient(http, SignIn, settings.SignInPerMinute));
            o.OnRejected = RejectAsync;
        });
    }

    // A fixed window per client address: simple to explain to an office ("60 a minute from one address"), and a
    // whole community behind one carrier NAT still gets its complaints in at any realistic pace.
    private static RateLimitPartition<string> PerClient(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy}:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many requests from this address; try again in {seconds} s.";
        // Open311 clients expect the spec's error list; everyone else gets RFC 9457 problem details.
        if (context.HttpContext.Request.Path.StartsWithSegments("/open311"))
            await response.WriteAsJsonAsync(new[] { new { code = 429, description = message } }, ct);
        else
            await Results.Problem(statusCode: 429, title: "Too many requests.", detail: message).ExecuteAsync(context.HttpContext);
    }
}
