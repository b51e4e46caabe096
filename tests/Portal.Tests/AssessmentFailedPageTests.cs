using Cerebellum.Engine.Cases;
using Cerebellum.Rules;
using Case = Cerebellum.Engine.Cases.Case;

namespace Cerebellum.Portal.Tests;

/// <summary>A case whose assessment failed shows the failure, the rule and the manual triage on its page.</summary>
[Collection(nameof(PortalCollection))]
public sealed class AssessmentFailedPageTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("en", "Risk assessment failed", "Rule leak-ratio of pack division-test v3 failed: Attempted to divide by zero.; passed to the street office for manual triage")]
    [InlineData("zh-CN", "风险评估失败", "规则包 division-test v3 的规则 leak-ratio 执行出错：Attempted to divide by zero.")]
    public async Task The_case_page_timeline_shows_the_failed_assessment(string culture, string title, string line)
    {
        var caseId = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow;
        var where = new CaseLocation("cuiyuan", "cy1", "cy1-b1", "", "翠苑一区 1幢", "翠苑一区 1幢");
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.StartStream<Case>(caseId,
                new CaseOpened(caseId, $"test:{caseId}", "signal", "water-leak", where, at),
                new AssessmentFailed(caseId, "division-test", 3, "leak-ratio", "Attempted to divide by zero.", at),
                new TaskAssigned(caseId, "street", Party.Street, null, "", at.AddDays(2), "2wd", "community-dispatch", 1, at));
            await session.SaveChangesAsync();
        }

        using var client = await SignedInClient.CreateAsync(fixture, "street1", "street-demo");
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{caseId}?culture={culture}"));

        html.ShouldContain(title);
        html.ShouldContain(line);
    }
}
