using Cerebellum.Testing;
using Microsoft.Playwright;

namespace Cerebellum.EndToEnd.Tests;

/// <summary>What every browser journey stands on: its own database, the real portal process on it, and Debian's
/// chromium; all removed afterwards. Screenshots go to artifacts/screenshots, which CI keeps.</summary>
public abstract class PortalJourney : IAsyncLifetime
{
    protected static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
    protected string connectionString = "";
    private IPlaywright playwright = null!;
    protected PortalProcess portal = null!;
    protected IBrowser browser = null!;

    /// <summary>Environment settings for the portal process beyond the database.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        connectionString = await TestDatabase.CreateAsync("e2e");
        portal = await PortalProcess.StartAsync(connectionString, Settings);
        playwright = await Playwright.CreateAsync();
        browser = await DebianChromium.LaunchAsync(playwright);
    }

    public virtual async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await portal.DisposeAsync();
        await TestDatabase.DropAsync(connectionString);
    }
}
