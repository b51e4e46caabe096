using System.Text.Json;
using System.Text.RegularExpressions;
using Cerebellum.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cerebellum.EndToEnd.Tests;

/// <summary>回访 in a real browser: a resident's complaint is resolved by the street office, the feedback mail
/// (written to the pickup directory: no SMTP host) carries a link, and the resident answers on that page.</summary>
public sealed partial class FeedbackJourneyTests : PortalJourney
{
    private readonly string mailDirectory = Path.Combine(Path.GetTempPath(), $"cerebellum-e2e-mail-{Guid.NewGuid():N}");

    [GeneratedRegex(@"/feedback/([A-Za-z0-9_-]+)")]
    private static partial Regex FeedbackLink();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Cerebellum__Notifications__PickupDirectory"] = mailDirectory,
    };

    [Fact]
    public async Task A_resident_opens_the_link_from_the_mail_rates_the_resolution_and_the_case_closes()
    {
        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        var submitted = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "cerebellum-open311-demo-key", ["service_code"] = "noise", ["address_id"] = "cy1-b2-u0301",
            ["description"] = "楼上装修太吵", ["attribute[noise_source]"] = "renovation", ["email"] = "resident@example.cn",
        }));
        var token = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("token").GetString();
        var caseId = await CaseOfAsync(token!);

        // The street office resolves it, signed in through the browser (the API shares the cookie).
        var staff = await browser.NewPageAsync();
        await staff.GotoAsync(new Uri(portal.BaseAddress, "/login").ToString());
        await staff.FillAsync("input[name=userName]", "street1");
        await staff.FillAsync("input[name=password]", "street-demo");
        await staff.ClickAsync("button[type=submit]");
        await Expect(staff.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        var detail = await staff.APIRequest.GetAsync(new Uri(portal.BaseAddress, $"/api/v1/cases/{caseId}").ToString());
        var version = (await detail.JsonAsync())!.Value.GetProperty("case").GetProperty("version").GetInt64();
        var resolved = await staff.APIRequest.PostAsync(new Uri(portal.BaseAddress, $"/api/v1/cases/{caseId}/resolve").ToString(),
            new() { DataObject = new { expectedVersion = version, note = "已要求施工方工作日 8–18 时施工" } });
        resolved.Status.ShouldBe(200);

        var link = FeedbackLink().Match(await MailTextAsync()).Value;
        var resident = await browser.NewPageAsync();
        await resident.GotoAsync(new Uri(portal.BaseAddress, link).ToString());
        await Expect(resident.GetByTestId("feedback-resolution")).ToContainTextAsync("已要求施工方工作日");
        // Clicks on the prerendered page before the circuit connects are lost: wait until it is interactive.
        await Expect(resident.GetByTestId("feedback-page")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await resident.GetByText("满意", new() { Exact = true }).ClickAsync();
        await resident.Locator(".mud-rating-item").Nth(4).ClickAsync();
        await resident.GetByTestId("feedback-submit").ClickAsync();
        await Expect(resident.GetByTestId("feedback-message")).ToContainTextAsync("事件已结案");

        await staff.GotoAsync(new Uri(portal.BaseAddress, $"/cases/{caseId}").ToString());
        await Expect(staff.GetByTestId("case-status")).ToContainTextAsync("已结案");
        await Expect(staff.Locator("[data-event=FeedbackReceived]")).ToBeVisibleAsync();

        // The same link again: the answer is kept, the form is gone.
        await resident.ReloadAsync();
        await Expect(resident.GetByTestId("feedback-state")).ToContainTextAsync("只能提交一次");
    }

    // Open311 answers the complaint's id, not the case's: the case id is read from the stored complaint.
    private async Task<Guid> CaseOfAsync(string token)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var query = new Npgsql.NpgsqlCommand(
                "select data->>'caseId' from cerebellum.mt_doc_complaintrecord where data->>'token' = @token", connection);
            query.Parameters.AddWithValue("token", token);
            if (await query.ExecuteScalarAsync() is string caseId) return Guid.Parse(caseId);
            await Task.Delay(200);
        }
        throw new TimeoutException("The complaint was not processed into a case");
    }

    private async Task<string> MailTextAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(mailDirectory))
                foreach (var file in Directory.GetFiles(mailDirectory, "*.eml"))
                {
                    var mail = await MimeKit.MimeMessage.LoadAsync(file);
                    if (mail.To.Mailboxes.Any(m => m.Address == "resident@example.cn")) return mail.TextBody ?? "";
                }
            await Task.Delay(200);
        }
        throw new TimeoutException("No feedback mail in " + mailDirectory);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(mailDirectory)) Directory.Delete(mailDirectory, recursive: true);
    }
}
