using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Cerebellum.Rules;
using Cerebellum.Testing;
using Marten;
using static Cerebellum.Engine.Tests.RoutingDefinitions.RoutingDefinitionsFixture;

namespace Cerebellum.Engine.Tests.RoutingDefinitions;

/// <summary>A version published on another node reaches this node's intake without a restart, new cases take it,
/// and a case already running keeps the version it started with.</summary>
[Collection(nameof(RoutingDefinitionsCollection))]
public sealed class MultiNodeAndPinningTests(RoutingDefinitionsFixture fixture)
{
    [Fact]
    public async Task A_version_published_on_another_node_is_picked_up_by_polling()
    {
        var other = await fixture.StartOtherNodeAsync();
        var version = fixture.NextVersion("facilities-repair");

        var result = await RoutingDefinitionPublishing.PublishAsync(fixture.Store, other,
            WithVersion(Sample("facilities-repair"), version), "author2", DateTimeOffset.UtcNow, default);
        result.Status.ShouldBe(RoutingPublishStatus.Published, result.Problem);

        // This node's PolicyRefreshService runs PublishedPolicies every 2 s; nothing told it directly.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (fixture.Node.Routing.Select("flood").Version != version && DateTime.UtcNow < deadline) await Task.Delay(100);
        fixture.Node.Routing.Select("flood").Version.ShouldBe(version);
    }

    [Fact]
    public async Task A_running_case_keeps_its_version_while_a_new_case_takes_the_published_one()
    {
        var detector = Signals.SmokeDetectorOfYoungFamily(fixture.Community);
        // 21:30 Beijing yesterday-or-today: smoke by day is orange (property, street), 40 minutes later it is night: red.
        var evening = TestTimes.LastLocal(3).AddHours(-5.5);
        var opened = await fixture.AcceptAndProcessAsync(Signals.Smoke(detector.Id, at: evening));
        var caseId = await CaseOfAsync(opened[0]);
        var startedOn = fixture.Node.Routing.Select("fire").Version;

        var version = fixture.NextVersion("emergency-dispatch");
        var faster = WithVersion(Sample("emergency-dispatch"), version).Replace("sla: { red: 10m, orange: 30m }", "sla: { red: 7m, orange: 20m }");
        faster.ShouldNotBe(WithVersion(Sample("emergency-dispatch"), version));
        (await RoutingDefinitionPublishing.PublishAsync(fixture.Store, fixture.Node, faster, "author1", DateTimeOffset.UtcNow, default))
            .Status.ShouldBe(RoutingPublishStatus.Published);

        await fixture.AcceptAndProcessAsync(Signals.Smoke(detector.Id, at: evening.AddMinutes(40)));
        var running = await TasksAsync(caseId);
        var police = running.Single(t => t.Party == Party.Police);
        (police.WorkflowId, police.WorkflowVersion, police.Sla).ShouldBe(("emergency-dispatch", startedOn, "10m"));
        running.ShouldAllBe(t => t.WorkflowVersion == startedOn);

        var elderly = Signals.SmokeDetectorOfElderlyLivingAlone(fixture.Community);
        var fresh = await TasksAsync(await CaseOfAsync((await fixture.AcceptAndProcessAsync(Signals.Smoke(elderly.Id, at: evening)))[0]));
        var newPolice = fresh.Single(t => t.Party == Party.Police);
        (newPolice.WorkflowVersion, newPolice.Sla).ShouldBe((version, "7m"));
    }

    private async Task<Guid> CaseOfAsync(Guid signalId)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<SignalRecord>(signalId))!.CaseId!.Value;
    }

    private async Task<IReadOnlyList<TaskAssigned>> TasksAsync(Guid caseId)
    {
        await using var session = fixture.Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(caseId)).Select(e => e.Data).OfType<TaskAssigned>()];
    }
}
