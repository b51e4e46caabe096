using System.Net;
using System.Text.RegularExpressions;
using Alba;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Testing;

namespace Cerebellum.Portal.Tests;

/// <summary>The inbox's filters live in the address: the server-rendered page already shows the filtered list.</summary>
[Collection(nameof(PortalCollection))]
public sealed class InboxFilterTests(PortalFixture fixture)
{
    private async Task<string> PageAsync(string url, string cookie)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBe(200);
        });
        return WebUtility.HtmlDecode(await result.ReadAsTextAsync());
    }

    private static IReadOnlyList<string> CaseIds(string html) =>
        [.. Regex.Matches(html, "data-case-id=\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task A_level_filter_shows_only_that_level_and_the_count_follows()
    {
        // Night-time smoke in an elderly person's flat is red; a complaint-free daytime water leak is not.
        var messageId = "inbox-filter-" + Guid.NewGuid();
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { source = "gw-cases", messageId, deviceId = "dev-smoke-cy1-b1-u0101", kind = "smoke",
                occurredAt = TestTimes.Iso(TestTimes.LastLocal(3)), severity = 4 }).ToUrl("/api/v1/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-cases"));
            s.StatusCodeShouldBe(202);
        });
        var caseId = (await fixture.WaitForCaseAsync(SignalRecord.IdFor("gw-cases", messageId))).ToString();
        var cookie = await fixture.SignInAsync("supervisor1", "supervisor-demo");

        var all = await PageAsync("/inbox", cookie);
        var red = await PageAsync("/inbox?level=red", cookie);
        var blue = await PageAsync("/inbox?level=blue", cookie);
        CaseIds(red).ShouldContain(caseId);
        CaseIds(blue).ShouldNotContain(caseId);
        CaseIds(red).Count.ShouldBeLessThanOrEqualTo(CaseIds(all).Count);
        red.ShouldContain("aria-current=\"true\"");
        Regex.Match(red, "data-testid=\"inbox-count\"[^>]*>(?:\\s*<[^>]+>)*\\s*(\\d+)").Groups[1].Value.ShouldBe(CaseIds(red).Count.ToString());
        // The other filters keep the level when toggled.
        red.ShouldContain("href=\"/inbox?level=red&overdue=true\"");
    }

    [Fact]
    public async Task A_handler_can_narrow_to_their_office_and_the_filters_speak_both_languages()
    {
        var police = await fixture.SignInAsync("police1", "police-demo");
        var zh = await PageAsync("/inbox", police);
        zh.ShouldContain("仅看本单位");
        zh.ShouldContain("仅看超时");
        var mine = await PageAsync("/inbox?mine=true", police);
        mine.ShouldContain("data-testid=\"inbox-filters\"");
        CaseIds(mine).ShouldBeSubsetOf(CaseIds(zh));
        var en = await PageAsync("/inbox?mine=true&culture=en", police);
        en.ShouldContain("My office only");
        en.ShouldContain("Escalated only");
        // An auditor has no office: no "my office" filter.
        (await PageAsync("/inbox", await fixture.SignInAsync("auditor1", "auditor-demo"))).ShouldNotContain("filter-mine");
    }
}
