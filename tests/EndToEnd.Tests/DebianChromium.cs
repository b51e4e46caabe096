using Microsoft.Playwright;

namespace Cerebellum.EndToEnd.Tests;

/// <summary>Debian's chromium (never a downloaded browser: there is no internet here), launched the one way every
/// journey uses.</summary>
public static class DebianChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic"],
    });
}
