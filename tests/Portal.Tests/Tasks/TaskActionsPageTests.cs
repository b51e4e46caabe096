using System.Text.RegularExpressions;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Rules;
using Case = Cerebellum.Engine.Cases.Case;

namespace Cerebellum.Portal.Tests.Tasks;

/// <summary>The case page's tasks panel offers each signed-in user the actions the task API would accept from them:
/// a handler on their own office's tasks, a supervisor on any, an auditor on none; in both languages.</summary>
[Collection(nameof(PortalCollection))]
public sealed partial class TaskActionsPageTests(PortalFixture fixture)
{
    /// <summary>A police task accepted, past its deadline and escalated; a property task still assigned; one done.</summary>
    private async Task<Guid> CaseAsync()
    {
        var caseId = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        var where = new CaseLocation("cuiyuan", "cy1", "cy1-b1", "", "翠苑一区 1幢", "翠苑一区 1幢");
        await using var session = fixture.Store.LightweightSession();
        session.Events.StartStream<Case>(caseId,
            new CaseOpened(caseId, $"test:{caseId}", "signal", "smoke", where, at),
            new TaskAssigned(caseId, "police", Party.Police, "police-cuiyuan", "翠苑派出所", at.AddMinutes(10), "10m", "emergency-dispatch", 1, at),
            new TaskAssigned(caseId, "property", Party.Property, "property-lvcheng", "绿城物业翠苑服务中心", at.AddMinutes(60), "60m", "emergency-dispatch", 1, at),
            new TaskAssigned(caseId, "street", Party.Street, "street-cuiyuan", "翠苑街道办事处", at.AddMinutes(60), "60m", "emergency-dispatch", 1, at),
            new TaskAccepted(caseId, "police", "police-cuiyuan", "police1", "op-1", at),
            new TaskResolved(caseId, "street", "已上门", "street1", "op-2", at),
            new SlaBreached(caseId, "police", at.AddMinutes(10), at.AddMinutes(10)),
            new CaseEscalated(caseId, "police", 0, "street-supervisor", ["street", "supervisor"], at.AddMinutes(10), at.AddMinutes(10)));
        await session.SaveChangesAsync();
        return caseId;
    }

    /// <summary>Task key → the actions offered on its row, from the rendered page.</summary>
    private async Task<(Dictionary<string, string[]> Actions, string Html)> PanelAsync(Guid caseId, string user, string password, string culture = "zh-CN")
    {
        using var client = await SignedInClient.CreateAsync(fixture, user, password);
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{caseId}?culture={culture}"));
        var rows = html.Split("data-testid=\"task-row\"").Skip(1).Select(r => r[..r.IndexOf("</tr>", StringComparison.Ordinal)]);
        var actions = rows.ToDictionary(
            r => TaskKey().Match(r).Groups[1].Value,
            r => Action().Matches(r).Select(m => m.Groups[1].Value).ToArray());
        return (actions, html);
    }

    [Fact]
    public async Task A_handler_sees_actions_only_on_their_own_offices_open_tasks()
    {
        var caseId = await CaseAsync();

        var (police, _) = await PanelAsync(caseId, "police1", "police-demo");
        police["police"].ShouldBe(["note", "hand-off", "assist", "reject", "resolve"]);
        police["property"].ShouldBeEmpty();
        police["street"].ShouldBeEmpty();

        var (property, _) = await PanelAsync(caseId, "property1", "property-demo");
        property["police"].ShouldBeEmpty();
        property["property"].ShouldBe(["accept", "note", "hand-off", "assist", "reject", "resolve"]);

        // Another property company's handler: not their office's task.
        var (other, _) = await PanelAsync(caseId, "property2", "property-demo");
        other.Values.ShouldAllBe(a => a.Length == 0);
    }

    [Fact]
    public async Task A_supervisor_may_act_on_any_open_task_and_an_auditor_on_none()
    {
        var caseId = await CaseAsync();

        var (supervisor, _) = await PanelAsync(caseId, "supervisor1", "supervisor-demo");
        supervisor["police"].ShouldContain("resolve");
        supervisor["property"].ShouldContain("accept");
        supervisor["street"].ShouldBeEmpty(); // done

        var (auditor, html) = await PanelAsync(caseId, "auditor1", "auditor-demo");
        auditor.Count.ShouldBe(3);
        auditor.Values.ShouldAllBe(a => a.Length == 0);
        html.ShouldContain("data-interactive=\"false\"");
    }

    [Theory]
    [InlineData("zh-CN", "接单", "办结", "已超时", "已督办 1 级", "已接单", "已办结")]
    [InlineData("en", "Accept", "Resolve", "Overdue", "Escalated (step 1)", "Accepted", "Done")]
    public async Task The_panel_speaks_the_readers_language_and_marks_overdue_and_escalated_tasks(
        string culture, string accept, string resolve, string overdue, string escalated, string accepted, string done)
    {
        var caseId = await CaseAsync();
        var (_, html) = await PanelAsync(caseId, "supervisor1", "supervisor-demo", culture);

        html.ShouldContain(accept);
        html.ShouldContain(resolve);
        var police = html.Split("data-task=\"police\"")[1];
        police = police[..police.IndexOf("</tr>", StringComparison.Ordinal)];
        police.ShouldContain(overdue);
        police.ShouldContain($"<td data-testid=\"task-state\">{accepted}</td>");
        html.Split("data-task=\"street\"")[1].ShouldContain($"<td data-testid=\"task-state\">{done}</td>");
        police.ShouldContain(escalated);
        var property = html.Split("data-task=\"property\"")[1];
        property[..property.IndexOf("</tr>", StringComparison.Ordinal)].ShouldNotContain(overdue);
    }

    [GeneratedRegex("data-task=\"([^\"]+)\"")]
    private static partial Regex TaskKey();

    [GeneratedRegex("<button[^>]*data-testid=\"task-([a-z-]+)\"")]
    private static partial Regex Action();
}
