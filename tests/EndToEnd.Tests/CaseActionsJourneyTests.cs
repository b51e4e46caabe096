using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cerebellum.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cerebellum.EndToEnd.Tests;

/// <summary>A red smoke alarm in the flat of an elderly person living alone: the police and the property company each
/// accept and resolve their task from the case page; an action from a page loaded before someone else acted is
/// refused with the conflict message and the page reloads. Screenshots of the case page in both languages go to
/// artifacts/screenshots. Real process, real browser.</summary>
public sealed class CaseActionsJourneyTests : PortalJourney
{

    [Fact]
    public async Task Police_and_property_accept_and_resolve_their_tasks_and_a_stale_action_shows_the_conflict()
    {
        var police = await SignInAsync("police1", "police-demo");
        var property = await SignInAsync("property1", "property-demo");
        await SmokeAlarmForAnElderlyPersonLivingAloneAsync();

        var row = police.GetByTestId("inbox-row");
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        (await row.Locator("[data-level]").First.GetAttributeAsync("data-level")).ShouldBe("red");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(police).ToHaveURLAsync(new Regex("/cases/"));
        var caseUrl = police.Url;

        // property1 opens the case now: this page holds the version from before the police act.
        await OpenAsync(property, caseUrl);
        await OpenAsync(police, caseUrl);
        await Expect(Task(property, "police").GetByTestId("task-accept")).ToHaveCountAsync(0); // not their office's task

        await ActAsync(police, "police", "accept", null);
        await Expect(Task(police, "police")).ToHaveAttributeAsync("data-state", "accepted");
        await ActAsync(police, "police", "resolve", "已出警，系误报，老人安全");
        await Expect(Task(police, "police")).ToHaveAttributeAsync("data-state", "done");
        await Expect(Task(police, "police").Locator("button")).ToHaveCountAsync(0);

        // The stale page: refused with the conflict message, then reloaded, so the same action now goes through.
        await ActAsync(property, "property", "accept", null, "conflict");
        await Expect(property.GetByTestId("task-message")).ToContainTextAsync("其他人已更改了此案件");
        await Expect(Task(property, "police")).ToHaveAttributeAsync("data-state", "done");
        await Expect(Task(property, "property")).ToHaveAttributeAsync("data-state", "assigned");
        await ActAsync(property, "property", "accept", null);
        await Expect(Task(property, "property")).ToHaveAttributeAsync("data-state", "accepted");
        await ActAsync(property, "property", "resolve", "已检查烟感并复位");
        await Expect(Task(property, "property")).ToHaveAttributeAsync("data-state", "done");
        await Expect(property.Locator("[data-event=TaskResolved]")).ToHaveCountAsync(2);
        await Expect(Task(property, "property").GetByTestId("task-state")).ToContainTextAsync("已办结");
        await property.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "case.zh-CN.png"), FullPage = true });

        await property.GotoAsync(new Uri(portal.BaseAddress, $"/culture/en?returnUrl={Uri.EscapeDataString(new Uri(caseUrl).AbsolutePath)}").ToString());
        await Expect(property.GetByTestId("case-page")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(Task(property, "property").GetByTestId("task-state")).ToContainTextAsync("Done");
        await property.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "case.en.png"), FullPage = true });
    }

    private static ILocator Task(IPage page, string key) => page.Locator($"[data-testid=task-row][data-task={key}]");

    private async Task<IPage> SignInAsync(string user, string password)
    {
        var page = await browser.NewPageAsync(); // its own context: its own cookie
        await page.GotoAsync(new Uri(portal.BaseAddress, "/login").ToString());
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        return page;
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Expect(page.GetByTestId("case-page")).ToHaveAttributeAsync("data-interactive", "true");
    }

    /// <summary>Clicks the action on the task's row, fills the dialog's one field and confirms; waits for the message.</summary>
    private static async Task ActAsync(IPage page, string task, string action, string? text, string expected = "done")
    {
        await Task(page, task).GetByTestId($"task-{action}").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        if (text is not null) await dialog.Locator("textarea").FillAsync(text);
        await page.GetByTestId("task-action-confirm").ClickAsync();
        // Generous waits: in CI the other test projects run on the same two cores.
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("task-message")).ToHaveAttributeAsync("data-kind", expected, new() { Timeout = 15_000 });
    }

    /// <summary>Smoke at 3 a.m. from the flat of someone over 80 who lives alone (samples/community), sent as the demo
    /// gateway does.</summary>
    private async Task SmokeAlarmForAnElderlyPersonLivingAloneAsync()
    {
        using var community = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "community", "community.json")));
        var year = DateTimeOffset.UtcNow.Year;
        var alone = community.RootElement.GetProperty("households").EnumerateArray()
            .Where(h => h.GetProperty("members").GetArrayLength() == 1
                && year - h.GetProperty("members")[0].GetProperty("birthYear").GetInt32() >= 80)
            .Select(h => h.GetProperty("unitId").GetString()).Where(u => u!.StartsWith("cy1-", StringComparison.Ordinal)).ToHashSet();
        var device = community.RootElement.GetProperty("devices").EnumerateArray()
            .First(d => d.GetProperty("kind").GetString() == "smoke" && alone.Contains(d.GetProperty("unitId").GetString()))
            .GetProperty("id").GetString();

        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        using var gateways = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "gateways", "gateways.json")));
        var demo = gateways.RootElement.EnumerateArray().First(g => g.GetProperty("id").GetString() == "demo-gw");
        http.DefaultRequestHeaders.Add("X-Api-Key", demo.GetProperty("apiKey").GetString());
        var response = await http.PostAsJsonAsync("/api/v1/signals", new
        {
            source = "demo-gw", messageId = "e2e-case-actions", deviceId = device, kind = "smoke",
            occurredAt = TestTimes.Iso(TestTimes.LastLocal(3, 5)), severity = 4,
        });
        ((int)response.StatusCode).ShouldBe(202);
    }
}
