using System.Net.Http.Json;
using Cerebellum.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cerebellum.EndToEnd.Tests;

/// <summary>A street-office grid worker signs in, a smoke alarm arrives over HTTP, and the case shows up
/// in the open inbox without a reload; the case page shows its timeline. Real process, real browser.</summary>
public sealed class InboxJourneyTests : PortalJourney
{

    [Fact]
    public async Task A_smoke_alarm_appears_in_the_signed_in_handlers_inbox_and_its_case_shows_the_timeline()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.BaseAddress, "/").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));

        await page.FillAsync("input[name=userName]", "street1");
        await page.FillAsync("input[name=password]", "street-demo");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("李娜");
        await Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();

        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        // The sample gateway and its demo key (samples/gateways/gateways.json), as run.sh prints them.
        using var gateways = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "gateways", "gateways.json")));
        var demo = gateways.RootElement.EnumerateArray().First(g => g.GetProperty("id").GetString() == "demo-gw");
        http.DefaultRequestHeaders.Add("X-Api-Key", demo.GetProperty("apiKey").GetString());
        var response = await http.PostAsJsonAsync("/api/v1/signals", new
        {
            source = "demo-gw", messageId = "e2e-1", deviceId = "dev-smoke-cy1-b1-u0101", kind = "smoke",
            occurredAt = TestTimes.Iso(TestTimes.LastLocal(3, 5)), severity = 4,
        });
        ((int)response.StatusCode).ShouldBe(202);

        // The page polls: the row must arrive without a reload.
        var row = page.GetByTestId("inbox-row");
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(row).ToContainTextAsync("烟感报警");
        await Expect(row).ToContainTextAsync("翠苑一区 1幢");
        await Expect(row.GetByTestId("task").First).ToBeVisibleAsync();
        (await row.Locator("[data-level]").GetAttributeAsync("data-level")).ShouldNotBe("none");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cases/"));
        var entries = page.GetByTestId("timeline-entry");
        await Expect(entries.First).ToContainTextAsync("立案");
        (await entries.CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
        await Expect(page.Locator("[data-event=TaskAssigned]").First).ToContainTextAsync("SLA");

        // English on request.
        await page.GotoAsync(new Uri(portal.BaseAddress, "/culture/en?returnUrl=/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 5 })).ToContainTextAsync("Active cases");
    }
}
