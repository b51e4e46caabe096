using Cerebellum.Engine.Cases.Tasks;
namespace Cerebellum.Engine.Tests.Tasks;

/// <summary>A deadline that falls due while the engine is stopped fires once after it starts again on the same database.</summary>
public sealed class RestartTests(TaskHost host) : IClassFixture<TaskHost>
{
    [Fact]
    public async Task A_deadline_that_passed_while_the_host_was_down_fires_once_after_restart()
    {
        // Dispatch "in the past", so the police deadline (real time, by which Wolverine fires) is a few seconds away.
        var definition = host.Policies.Routing.Current.Single(d => d.Id == "emergency-dispatch");
        var policeSla = definition.Tasks.Single(t => t.Key == "police").Sla[Rules.RiskLevel.Red].FixedLength!.Value;
        host.Clock.Offset = -(policeSla - TimeSpan.FromSeconds(4));
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(3);
        var police = (await host.CaseAsync(caseId)).FindTask("police")!;
        police.DueAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow); // stopped before the deadline: only the next host can fire it

        await host.StopAsync();
        var wait = police.DueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        host.Clock.Offset = TimeSpan.Zero;
        await host.StartAsync();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await host.EventsAsync(caseId)).OfType<SlaBreached>().Any(b => b.TaskKey == "police"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The police deadline did not fire after the restart");
            await Task.Delay(250);
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second firing would show up by now

        var events = await host.EventsAsync(caseId);
        events.OfType<SlaBreached>().Count(b => b.TaskKey == "police").ShouldBe(1);
        events.OfType<CaseEscalated>().Count(e => e.TaskKey == "police" && e.Step == 0).ShouldBe(1);
        events.OfType<CaseEscalated>().ShouldNotContain(e => e.Step == 1); // its delay has not passed
    }
}
