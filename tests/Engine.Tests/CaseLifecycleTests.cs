using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Intake.Signals;
using Marten;
using Case = Cerebellum.Engine.Cases.Case;
using CaseStatus = Cerebellum.Engine.Cases.CaseStatus;

namespace Cerebellum.Engine.Tests;

[Collection(nameof(EngineCollection))]
public sealed class CaseLifecycleTests(EngineFixture fixture)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private async Task<(Guid CaseId, long Version)> OpenAsync(string deviceId)
    {
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(deviceId));
        await using var session = fixture.Store.QuerySession();
        var caseId = (await session.LoadAsync<SignalRecord>(ids[0]))!.CaseId!.Value;
        var state = await session.Events.FetchStreamStateAsync(caseId);
        return (caseId, state!.Version);
    }

    [Fact]
    public async Task After_a_case_is_resolved_the_next_alarm_from_that_device_opens_a_new_case()
    {
        var device = fixture.Community.Devices.First(d => d.Kind == "smoke" && d.BuildingId == "cy2-b1").Id;
        var (caseId, version) = await OpenAsync(device);

        await using (var session = fixture.Store.LightweightSession())
        {
            var result = await CaseCommands.RunAsync(session, caseId, version,
                c => CaseTransitions.Resolve(c, "property1", "已排除隐患", Now), default);
            result.Status.ShouldBe(CaseCommandStatus.Done);
        }

        var (next, _) = await OpenAsync(device);
        next.ShouldNotBe(caseId);
    }

    [Fact]
    public async Task Two_handlers_acting_on_the_same_version_one_wins_and_the_other_gets_a_conflict()
    {
        var device = fixture.Community.Devices.First(d => d.Kind == "smoke" && d.BuildingId == "cy2-b2").Id;
        var (caseId, version) = await OpenAsync(device);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            await using var session = fixture.Store.LightweightSession();
            return await CaseCommands.RunAsync(session, caseId, version,
                c => CaseTransitions.Cancel(c, $"handler{i}", "确认误报", Now), default);
        })));

        results.Count(r => r.Status == CaseCommandStatus.Done).ShouldBe(1);
        results.Count(r => r.Status == CaseCommandStatus.Conflict).ShouldBe(1);
        await using var check = fixture.Store.QuerySession();
        var events = await check.Events.FetchStreamAsync(caseId);
        events.Count(e => e.Data is CaseCancelled).ShouldBe(1);
    }

    public static TheoryData<CaseStatus, string, bool> Moves => new()
    {
        { CaseStatus.Dispatched, "start", true }, { CaseStatus.Open, "start", false },
        { CaseStatus.InProgress, "resolve", true }, { CaseStatus.Closed, "resolve", false },
        { CaseStatus.Resolved, "close", true }, { CaseStatus.InProgress, "close", false },
        { CaseStatus.Closed, "reopen", true }, { CaseStatus.Dispatched, "reopen", false },
        { CaseStatus.Reopened, "cancel", true }, { CaseStatus.Merged, "cancel", false },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void The_state_machine_allows_only_the_designed_moves(CaseStatus from, string move, bool allowed)
    {
        var c = new Case(Guid.NewGuid(), "k", new("c", "cy1", "b", "u", "B", "L"), Now, from, 1, ["d"], [Guid.NewGuid()], null, [], null, 0, Now);
        var decision = move switch
        {
            "start" => CaseTransitions.StartWork(c, "u", null, Now),
            "resolve" => CaseTransitions.Resolve(c, "u", "done", Now),
            "close" => CaseTransitions.Close(c, "u", null, Now),
            "reopen" => CaseTransitions.Reopen(c, "u", "unsatisfied", Now),
            _ => CaseTransitions.Cancel(c, "u", "false alarm", Now),
        };
        (decision.Refusal is null).ShouldBe(allowed);
        if (allowed) decision.Events.Count.ShouldBe(1);
    }
}
