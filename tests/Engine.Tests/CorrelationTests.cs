using Cerebellum.Testing;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Rules;
using Marten;

namespace Cerebellum.Engine.Tests;

/// <summary>An engine configured as a district would: smoke correlates per floor, and a short window.</summary>
public sealed class FloorCorrelationFixture : EngineFixture
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(800);

    protected override CorrelationOptions Correlation =>
        new() { Window = Window, Scopes = new() { ["smoke"] = "floor", ["gas"] = "unit" } };
}

[CollectionDefinition(nameof(FloorCorrelationCollection))]
public sealed class FloorCorrelationCollection : ICollectionFixture<FloorCorrelationFixture>;

[Collection(nameof(FloorCorrelationCollection))]
public sealed class CorrelationTests(FloorCorrelationFixture fixture)
{
    private async Task<Guid> CaseOfAsync(Guid signalId)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<SignalRecord>(signalId))!.CaseId!.Value;
    }

    [Fact]
    public async Task Two_smoke_detectors_on_one_floor_make_one_case_corroborated_to_red()
    {
        var floorMates = fixture.Community.Units.Where(u => u.BuildingId == "cy1-b3" && u.Floor == 4).ToList();
        var detectors = floorMates.Select(u => fixture.Community.Devices.First(d => d.Kind == "smoke" && d.UnitId == u.Id)).Take(2).ToList();
        var byDay = TestTimes.LastLocal(10);

        var first = await fixture.AcceptAndProcessAsync(Signals.Smoke(detectors[0].Id, at: byDay));
        var second = await fixture.AcceptAndProcessAsync(Signals.Smoke(detectors[1].Id, at: byDay.AddMilliseconds(300)));

        var caseId = await CaseOfAsync(first[0]);
        (await CaseOfAsync(second[0])).ShouldBe(caseId);
        await using var session = fixture.Store.QuerySession();
        var summary = await session.LoadAsync<CaseSummary>(caseId);
        summary!.SignalCount.ShouldBe(2);
        summary.Level.ShouldBe(RiskLevel.Red);
        summary.FiredRuleIds.ShouldContain("smoke-corroborated");
    }

    [Fact]
    public async Task A_repeat_after_the_correlation_window_opens_a_new_case()
    {
        var detector = fixture.Community.Devices.First(d => d.Kind == "gas");
        var first = await fixture.AcceptAndProcessAsync(Signals.Smoke(detector.Id));
        first.ShouldNotBeEmpty();
        await Task.Delay(FloorCorrelationFixture.Window + TimeSpan.FromMilliseconds(400));
        var second = await fixture.AcceptAndProcessAsync(Signals.Smoke(detector.Id));

        (await CaseOfAsync(second[0])).ShouldNotBe(await CaseOfAsync(first[0]));
    }

    [Theory]
    [InlineData("device", "device:dev-1|signal:smoke")]
    [InlineData("unit", "unit:cy1-b1-u0302|signal:smoke")]
    [InlineData("floor", "floor:cy1-b1/3|signal:smoke")]
    [InlineData("building", "building:cy1-b1|signal:smoke")]
    public void The_key_follows_the_configured_scope(string scope, string key)
    {
        var options = new CorrelationOptions { Scopes = new() { ["smoke"] = scope } };
        var item = new IncomingItem(Guid.NewGuid(), "signal", "smoke", 3, DateTimeOffset.UtcNow, "gw", "dev-1", "", new(null, null, null));
        var where = new Cerebellum.Engine.Cases.CaseLocation("cuiyuan", "cy1", "cy1-b1", "cy1-b1-u0302", "B", "L");
        Correlation.KeyFor(options, item, where, floor: 3).ShouldBe(key);
    }

    [Fact]
    public void An_unknown_scope_is_refused_at_start()
    {
        Should.Throw<InvalidOperationException>(() => new CorrelationOptions { Scopes = new() { ["smoke"] = "street" } }.Validate())
            .Message.ShouldContain("street");
    }
}
