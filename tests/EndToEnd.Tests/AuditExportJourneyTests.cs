using System.Text.RegularExpressions;
using Cerebellum.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cerebellum.EndToEnd.Tests;

/// <summary>An auditor asks for last month's ethics review pack in the portal, watches it finish and downloads the
/// PDF; screenshots of the auditor's pages in both languages go to artifacts/screenshots. Real process, real browser.</summary>
public sealed class AuditExportJourneyTests : PortalJourney
{

    [Fact]
    public async Task An_auditor_requests_last_months_pack_sees_it_finish_and_downloads_the_pdf()
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await page.GotoAsync(new Uri(portal.BaseAddress, "/audit/exports").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.FillAsync("input[name=userName]", "auditor1");
        await page.FillAsync("input[name=password]", "auditor-demo");
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/audit/exports$"));
        await Expect(page.GetByTestId("exports-empty")).ToBeVisibleAsync();

        // Clicks on the prerendered page before the circuit connects are lost: wait until it is interactive.
        await Expect(page.GetByTestId("exports-page")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        // A custom period without its dates is refused in words, and nothing is queued.
        await page.GetByTestId("exports-month").ClickAsync();
        await page.GetByText("自定义期间…", new() { Exact = true }).ClickAsync();
        // The date fields appear once the circuit has taken the choice; a click before that would request last month.
        var fromLabel = page.GetByText("起始日期", new() { Exact = true });
        await Expect(fromLabel).ToBeVisibleAsync();
        await page.GetByTestId("exports-request").ClickAsync();
        await Expect(page.GetByTestId("exports-problem")).ToContainTextAsync("请选择起始日期和截止日期");
        await Expect(page.GetByTestId("export-row")).ToHaveCountAsync(0);

        var lastMonthText = LastMonth().ToString("yyyy-MM");
        await page.GetByTestId("exports-month").ClickAsync();
        await page.GetByText(lastMonthText, new() { Exact = true }).ClickAsync();
        await Expect(fromLabel).ToHaveCountAsync(0);
        await page.GetByTestId("exports-request").ClickAsync();

        // The page polls the job: the row reaches done without a reload.
        var row = page.GetByTestId("export-row");
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(row).ToHaveAttributeAsync("data-status", "Done", new() { Timeout = 60_000 });
        await Expect(row.GetByTestId("export-progress")).ToHaveTextAsync("100");
        await Expect(row.GetByTestId("export-status")).ToContainTextAsync("已完成");
        await Expect(row.GetByTestId("export-digest")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        // Last month in China time, as the form proposes by default.
        await Expect(row).ToContainTextAsync(LastMonth().ToString("yyyy-MM-dd"));

        var href = await row.Locator("[data-name='ethics-review.pdf']").GetAttributeAsync("href");
        var pdf = await page.APIRequest.GetAsync(new Uri(portal.BaseAddress, href!).ToString());
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldStartWith("application/pdf");
        (await pdf.BodyAsync()).Take(5).ShouldBe("%PDF-"u8.ToArray());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "audit-exports.zh-CN.png"), FullPage = true });

        // Both pages in both languages, for review. The language links make a full request that sets the cookie.
        await page.GetByText("English", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("export-status")).ToContainTextAsync("Done");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "audit-exports.en.png"), FullPage = true });

        await page.GetByTestId("nav-audit").ClickAsync();
        await Expect(page.GetByTestId("audit-chain")).ToContainTextAsync("Hash chain intact");
        await Expect(page.Locator("[data-action=exported]").First).ToContainTextAsync("Export");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "audit.en.png"), FullPage = true });

        await page.GetByText("中文", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("audit-chain")).ToContainTextAsync("哈希链完整");
        await Expect(page.Locator("[data-action=exported]").First).ToContainTextAsync("导出");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "audit.zh-CN.png"), FullPage = true });
    }

    // The month before this one in China time, which the form proposes by default.
    private static DateTime LastMonth()
    {
        var china = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return new DateTime(china.Year, china.Month, 1).AddMonths(-1);
    }
}
