using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Portal.Tests.Open311;
using MimeKit;

namespace Cerebellum.Portal.Tests.Feedback;

/// <summary>回访 over HTTP: a complaint with a mail address, resolved through the staff endpoint, the link read
/// from the mail the portal wrote (no SMTP host configured: the pickup directory), answered anonymously.</summary>
[Collection(nameof(PortalCollection))]
public sealed partial class FeedbackApiTests(PortalFixture fixture)
{
    private readonly Open311Client open311 = new(fixture);
    private readonly HttpClient anonymous = fixture.Host.Server.CreateClient();

    [GeneratedRegex(@"/feedback/([A-Za-z0-9_-]+)")]
    private static partial Regex FeedbackLink();

    /// <summary>A resolved complaint case and the token from the feedback mail to its resident.</summary>
    private async Task<(Guid CaseId, string Token, string Unit)> ResolvedAsync(int unitIndex, string email, string note)
    {
        var unit = fixture.Community.Units[unitIndex];
        var fields = Open311Client.Noise(unit.Id).Where(f => f.Key != "email").Append(new("email", email)).ToList();
        var requestId = await open311.WaitForRequestIdAsync(await open311.SubmitAsync(fields));
        await using var session = fixture.Store.QuerySession();
        var caseId = (await session.LoadAsync<ComplaintRecord>(Guid.Parse(requestId)))!.CaseId!.Value;

        // A supervisor (督办) sees internal case text on every case; the resident's comment is case text.
        var staff = await SignedInClient.CreateAsync(fixture, "supervisor1", "supervisor-demo");
        var detail = JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/cases/{caseId}")).RootElement;
        var version = detail.GetProperty("case").GetProperty("version").GetInt64();
        var resolved = await staff.PostAsync($"/api/v1/cases/{caseId}/resolve", Json(new { expectedVersion = version, note }));
        resolved.StatusCode.ShouldBe(HttpStatusCode.OK, await resolved.Content.ReadAsStringAsync());

        var mail = await MailToAsync(email);
        mail.From.Mailboxes.Single().Address.ShouldBe("noreply@cerebellum.invalid");
        var body = mail.TextBody ?? "";
        body.ShouldContain($"{PortalFixture.PortalUrl}/feedback/");
        return (caseId, FeedbackLink().Match(body).Groups[1].Value, unit.Number);
    }

    private async Task<MimeMessage> MailToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(fixture.MailDirectory))
                foreach (var file in Directory.GetFiles(fixture.MailDirectory, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == address)) return message;
                }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {address} in {fixture.MailDirectory}");
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode Status, JsonElement Body, string Text)> SendAsync(HttpMethod method, string token, HttpContent? content = null)
    {
        var response = await anonymous.SendAsync(new HttpRequestMessage(method, $"/api/v1/feedback/{token}") { Content = content });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement, text);
    }

    [Fact]
    public async Task A_resident_answers_once_through_the_link_and_sees_nothing_personal()
    {
        var (caseId, token, unitNumber) = await ResolvedAsync(700, "chen.resident@example.cn", "已与楼上住户沟通，音响已移走");

        var view = await SendAsync(HttpMethod.Get, token);
        view.Status.ShouldBe(HttpStatusCode.OK);
        view.Body.GetProperty("state").GetString().ShouldBe("open");
        view.Body.GetProperty("category").GetString().ShouldNotBeNullOrEmpty();
        view.Body.GetProperty("resolutionNote").GetString().ShouldBe("已与楼上住户沟通，音响已移走");
        view.Body.GetProperty("dueAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(2));
        foreach (var personal in new[] { "13900001111", "小明", "chen.resident", "acct-wang-7", "phone-device-42", unitNumber })
            view.Text.ShouldNotContain(personal);

        var answer = await SendAsync(HttpMethod.Post, token, Json(new { satisfied = true, rating = 5, comment = "处理及时" }));
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
        answer.Body.GetProperty("outcome").GetString().ShouldBe("closed");
        answer.Body.GetProperty("reason").GetString().ShouldBe("satisfied");

        var again = await SendAsync(HttpMethod.Post, token, Json(new { satisfied = false, rating = 1 }));
        again.Status.ShouldBe(HttpStatusCode.Conflict);
        again.Body.GetProperty("title").GetString()!.ShouldContain("already");
        (await SendAsync(HttpMethod.Get, token)).Body.GetProperty("state").GetString().ShouldBe("answered");

        // A supervisor (督办) sees internal case text on every case; the resident's comment is case text.
        var staff = await SignedInClient.CreateAsync(fixture, "supervisor1", "supervisor-demo");
        var detail = JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/cases/{caseId}")).RootElement;
        detail.GetProperty("case").GetProperty("status").GetString().ShouldBe("closed");
        // Staff see the loop on the case page's timeline.
        var page = await staff.GetStringAsync($"/cases/{caseId}");
        page.ShouldContain("已发邮件给投诉人");
        page.ShouldContain("满意，评分 5。处理及时");
        page.ShouldContain("结案原因：居民满意");
    }

    [Fact]
    public async Task Bad_answers_get_problems_naming_the_field_and_leave_the_request_open()
    {
        var (_, token, _) = await ResolvedAsync(701, "lin.resident@example.cn", "已清理");

        async Task ShouldNameAsync(HttpContent content, params string[] fields)
        {
            var result = await SendAsync(HttpMethod.Post, token, content);
            result.Status.ShouldBe(HttpStatusCode.BadRequest, result.Text);
            result.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(fields, ignoreOrder: true);
        }

        await ShouldNameAsync(Json(new { }), "satisfied", "rating");
        await ShouldNameAsync(Json(new { satisfied = true, rating = 9 }), "rating");
        await ShouldNameAsync(Json(new { satisfied = true, rating = 0 }), "rating");
        await ShouldNameAsync(Json(new { satisfied = "yes", rating = 3 }), "satisfied");
        await ShouldNameAsync(Json(new { satisfied = false, rating = 2, comment = new string('差', 1001) }), "comment");
        await ShouldNameAsync(new StringContent("{\"satisfied\": tru", Encoding.UTF8, "application/json"), "$");
        (await SendAsync(HttpMethod.Post, token, new StringContent("satisfied=true", Encoding.UTF8, "text/plain"))).Status
            .ShouldBe(HttpStatusCode.UnsupportedMediaType);

        (await SendAsync(HttpMethod.Get, token)).Body.GetProperty("state").GetString().ShouldBe("open");
        var unsatisfied = await SendAsync(HttpMethod.Post, token, Json(new { satisfied = false, rating = 2, comment = "又堆满了" }));
        unsatisfied.Status.ShouldBe(HttpStatusCode.OK, unsatisfied.Text);
        unsatisfied.Body.GetProperty("outcome").GetString().ShouldBe("reopened");
    }

    [Theory]
    [InlineData("no-such-token")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task An_unknown_token_gets_a_404_problem(string token)
    {
        var read = await SendAsync(HttpMethod.Get, token);
        read.Status.ShouldBe(HttpStatusCode.NotFound);
        read.Body.GetProperty("title").GetString().ShouldBe("No such feedback request.");
        (await SendAsync(HttpMethod.Post, token, Json(new { satisfied = true, rating = 5 }))).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_page_from_the_mail_speaks_chinese_by_default_and_english_on_request()
    {
        var (_, token, _) = await ResolvedAsync(702, "he.resident@example.cn", "电梯已修复");

        var zh = await (await fixture.Host.Scenario(s => s.Get.Url($"/feedback/{token}"))).ReadAsTextAsync();
        zh.ShouldContain("事件处理回访");
        zh.ShouldContain("电梯已修复");
        zh.ShouldContain("您对处理结果满意吗？");
        var en = await (await fixture.Host.Scenario(s => s.Get.Url($"/feedback/{token}?culture=en"))).ReadAsTextAsync();
        en.ShouldContain("How was your case handled?");
        en.ShouldContain("Are you satisfied with the result?");

        var unknown = await (await fixture.Host.Scenario(s => s.Get.Url("/feedback/nothing-here"))).ReadAsTextAsync();
        unknown.ShouldContain("链接无效");
    }
}
