using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Rules;
using Case = Cerebellum.Engine.Cases.Case;

namespace Cerebellum.Portal.Tests.Tasks;

/// <summary>The case page's timeline tells the task story (退单, 督办, …) in the reader's language, from resources.</summary>
[Collection(nameof(PortalCollection))]
public sealed class TaskTimelinePageTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("zh-CN", "退单", "property 任务退回 翠苑街道办事处：该楼不归我司", "督办", "第 1 级督办：street-supervisor 接管 police 任务，通知 street、supervisor")]
    [InlineData("en", "Task rejected", "property task returned to 翠苑街道办事处: 该楼不归我司", "Escalated", "Escalation step 1: street-supervisor takes over the police task; notified: street、supervisor")]
    public async Task Rejection_and_escalation_show_on_the_case_page(string culture, string rejected, string rejectedLine, string escalated, string escalatedLine)
    {
        var caseId = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow;
        var where = new CaseLocation("cuiyuan", "cy1", "cy1-b1", "", "翠苑一区 1幢", "翠苑一区 1幢");
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.StartStream<Case>(caseId,
                new CaseOpened(caseId, $"test:{caseId}", "signal", "smoke", where, at),
                new TaskAssigned(caseId, "police", Party.Police, "police-cuiyuan", "翠苑派出所", at.AddMinutes(10), "10m", "emergency-dispatch", 1, at),
                new TaskAssigned(caseId, "property", Party.Property, "property-lvcheng", "绿城物业翠苑服务中心", at.AddMinutes(10), "10m", "emergency-dispatch", 1, at),
                new TaskRejected(caseId, "property", "该楼不归我司", "property-lvcheng", "street-cuiyuan", "翠苑街道办事处", "property1", "op-1", at),
                new SlaBreached(caseId, "police", at.AddMinutes(10), at.AddMinutes(10)),
                new CaseEscalated(caseId, "police", 0, "street-supervisor", ["street", "supervisor"], at.AddMinutes(10), at.AddMinutes(10)));
            await session.SaveChangesAsync();
        }

        using var client = await SignedInClient.CreateAsync(fixture, "supervisor1", "supervisor-demo");
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{caseId}?culture={culture}"));

        html.ShouldContain(rejected);
        html.ShouldContain(rejectedLine);
        html.ShouldContain(escalated);
        html.ShouldContain(escalatedLine);
    }
}
