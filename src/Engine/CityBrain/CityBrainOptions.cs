namespace Cerebellum.Engine.CityBrain;

/// <summary>Settings of the City Brain feed (section <c>CityBrain</c>). The feed is off unless
/// <see cref="Endpoint"/> is set; secrets come from the environment (<c>CityBrain__Secret</c>,
/// <c>CityBrain__AuthorizationHeader</c>), never from a file in the repository.</summary>
public sealed class CityBrainOptions
{
    public const string Section = "CityBrain";

    /// <summary>Base URL of the NGSI-LD context broker, e.g. <c>https://citybrain.example/</c>. Empty: feed disabled.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Key of the HMAC that turns case ids into opaque entity ids. At least 32 characters.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Optional value of the HTTP <c>Authorization</c> header sent with every request (e.g. <c>Bearer …</c>).</summary>
    public string AuthorizationHeader { get; set; } = "";

    /// <summary>Who the data comes from, as the entities' <c>dataProvider</c> (e.g. the community's id).</summary>
    public string DataProvider { get; set; } = "cerebellum";

    /// <summary>Optional NGSI-LD tenant (<c>NGSILD-Tenant</c> header).</summary>
    public string Tenant { get; set; } = "";

    /// <summary>First wait after a failed delivery; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one HTTP request may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each node looks for hours whose aggregates are due.</summary>
    public TimeSpan AggregateCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An hour is counted this long after it ends, so cases still being written land in it.</summary>
    public TimeSpan AggregateGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After an outage, at most this many missed hours are caught up (the oldest are skipped beyond).</summary>
    public int MaxCatchUpHours { get; set; } = 168;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>Start-up check: a feed that is switched on must be usable, else it would queue work forever.</summary>
    public void Validate()
    {
        if (!Enabled) return;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"CityBrain:Endpoint must be an absolute http(s) URL, not '{Endpoint}'.");
        if (Secret.Length < 32)
            throw new InvalidOperationException(
                "CityBrain:Secret must be at least 32 characters when CityBrain:Endpoint is set (set it in the environment as CityBrain__Secret).");
        if (FirstRetryDelay <= TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay)
            throw new InvalidOperationException("CityBrain:FirstRetryDelay must be positive and not above CityBrain:MaxRetryDelay.");
        if (AggregateCheckInterval <= TimeSpan.Zero || MaxCatchUpHours < 1)
            throw new InvalidOperationException("CityBrain:AggregateCheckInterval must be positive and CityBrain:MaxCatchUpHours at least 1.");
    }

    /// <summary>The delay before retry number <paramref name="attempt"/> (1-based): doubling, capped.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay;
    }
}
