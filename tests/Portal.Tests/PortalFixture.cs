using Alba;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Registry;
using Cerebellum.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cerebellum.Portal.Tests;

/// <summary>The real portal (Program.cs) on a real PostgreSQL, driven over HTTP through Alba.</summary>
public class PortalFixture : IAsyncLifetime
{
    private string connectionString = "";
    public string ConnectionString => connectionString;
    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    /// <summary>The embedded MQTT server's port: a free one, so parallel test runs and ./run.sh do not collide.</summary>
    public int MqttPort { get; } = FreePort.Next();
    /// <summary>No SMTP host is configured in these tests: mails land here as .eml files.</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), $"cerebellum-portal-mail-{Guid.NewGuid():N}");
    public const string PortalUrl = "https://portal.cuiyuan.test";
    private readonly Dictionary<string, string> keys = new();

    /// <summary>The API key of a test gateway registered at start (or of a sample gateway).</summary>
    public string KeyFor(string gatewayId) => keys[gatewayId];

    public CommunityFile Community { get; } = SampleCommunity.Read(Path.Combine(RepoPaths.Samples, "community", "community.json"));

    /// <summary>Configuration for this fixture's host, on top of the test database and samples.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Cerebellum:RateLimits:SignInPerMinute"] = "100000",
        ["Cerebellum:RateLimits:PublicIntakePerMinute"] = "100000",
    };

    public async Task InitializeAsync()
    {
        connectionString = await TestDatabase.CreateAsync("portal");
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseSetting("GOVERNANCE_DB", connectionString);
            web.UseSetting("Cerebellum:SamplesPath", RepoPaths.Samples);
            web.UseSetting("Cerebellum:Mqtt:Port", MqttPort.ToString());
            // The suite signs in and files complaints far faster than any person; RateLimitTests checks the limits.
            foreach (var (key, value) in Settings) web.UseSetting(key, value);
            web.UseSetting("Cerebellum:Notifications:PickupDirectory", MailDirectory);
            web.UseSetting("Cerebellum:Notifications:PortalUrl", PortalUrl);
        });
        await WaitUntilReadyAsync();
        var gateways = Host.Services.GetRequiredService<GatewayDirectory>();
        foreach (var id in new[] { "gw-http", "gw-bad", "gw-other", "gw-cases", "gw-stats", "corpus" })
            keys[id] = await gateways.RegisterAsync(id, id, "cuiyuan", null, default);
        foreach (var sample in SampleGateways.Read(Path.Combine(RepoPaths.Samples, "gateways", "gateways.json")))
            keys[sample.Id] = sample.ApiKey;
    }

    // Program warms up after the host has started; /health turns 200 when that is done.
    private async Task WaitUntilReadyAsync()
    {
        var client = Host.Server.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync("/health")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The portal did not become ready");
            await Task.Delay(50);
        }
    }

    /// <summary>The sign-in form's antiforgery token and the cookie that goes with it.</summary>
    public async Task<(string Token, string Cookie)> AntiforgeryAsync()
    {
        var page = await Host.Scenario(s => s.Get.Url("/login"));
        var html = await page.ReadAsTextAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return (token, page.Context.Response.Headers.SetCookie.ToString().Split(';')[0]);
    }

    /// <summary>Signs in through the real form post; returns the Cookie header to send with later requests.</summary>
    public async Task<string> SignInAsync(string userName, string password)
    {
        var (token, antiforgeryCookie) = await AntiforgeryAsync();
        var result = await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }).ToUrl("/account/login");
            s.WithRequestHeader("Cookie", antiforgeryCookie);
            s.StatusCodeShouldBe(302);
        });
        var auth = result.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0])
            .SingleOrDefault(c => c.StartsWith("cerebellum.auth="));
        return auth ?? throw new InvalidOperationException($"Sign-in as {userName} failed");
    }

    /// <summary>Waits until every accepted signal and complaint has been processed, so row counts hold still.</summary>
    public async Task WaitForQuietAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var session = Store.QuerySession();
            if (!await session.Query<Cerebellum.Engine.Intake.Signals.SignalRecord>().AnyAsync(s => s.CaseId == null) &&
                !await session.Query<Cerebellum.Engine.Intake.Complaints.ComplaintRecord>().AnyAsync(c => c.CaseId == null)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("Signals were still unprocessed after 30 s");
    }

    /// <summary>Polls until the engine has processed the signal into a case (processing is asynchronous by design).</summary>
    public async Task<Guid> WaitForCaseAsync(Guid signalId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var session = Store.QuerySession();
            var signal = await session.LoadAsync<Cerebellum.Engine.Intake.Signals.SignalRecord>(signalId);
            if (signal?.CaseId is { } caseId) return caseId;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Signal {signalId} was not processed within 30 s");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await TestDatabase.DropAsync(connectionString);
        if (Directory.Exists(MailDirectory)) Directory.Delete(MailDirectory, recursive: true);
    }
}

[CollectionDefinition(nameof(PortalCollection))]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>;
