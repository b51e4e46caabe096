using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Engine.Tests.Tasks;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.Observability;

/// <summary>The meter is process-wide: these tests run alone so that no other test's cases move the counters they read.</summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

[Collection(nameof(MetricsCollection))]
public sealed class EngineMetricsTests(TaskHost host) : IClassFixture<TaskHost>
{
    [Fact]
    public async Task A_signal_processed_into_a_red_case_counts_acceptance_processing_the_opening_and_times_assessment_and_latency()
    {
        using var metrics = new MetricsRecorder();

        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(0);

        metrics.Sum("cerebellum.intake.accepted", "channel", "signal").ShouldBe(1);
        metrics.Sum("cerebellum.intake.processed", "type", "signal").ShouldBe(1);
        metrics.Sum("cerebellum.cases.opened", "level", "Red").ShouldBe(1);
        metrics.Sum("cerebellum.cases.opened").ShouldBe(1);
        var assessment = metrics.Of("cerebellum.assessment.duration").ShouldHaveSingleItem();
        assessment.Value.ShouldBeGreaterThan(0);
        var latency = metrics.Of("cerebellum.signal.to_case").ShouldHaveSingleItem();
        latency.Value.ShouldBeInRange(0, 30);
        (await host.CaseAsync(caseId)).Level.ShouldBe(Rules.RiskLevel.Red);
    }

    [Fact]
    public async Task A_missed_deadline_counts_one_breach_and_one_escalation_step()
    {
        var (caseId, dispatched) = await host.SmokeAtElderlyAloneAsync(1);
        var police = (await host.CaseAsync(caseId)).FindTask("police")!;
        // Only the police task is left open, so exactly one deadline falls due.
        foreach (var task in (await host.CaseAsync(caseId)).Tasks.Where(t => t.Key != "police" && t.Party != Rules.Party.Resident))
            await host.RunAsync(await host.CommandAsync(caseId, task.Key, new TaskAction.Resolve("已到场，确认误报")));

        using var metrics = new MetricsRecorder();
        host.Clock.Offset = police.DueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        try
        {
            await dispatched.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            host.Clock.Offset = TimeSpan.Zero;
        }

        var breaches = (await host.EventsAsync(caseId)).OfType<SlaBreached>().Count();
        breaches.ShouldBeGreaterThan(0);
        metrics.Sum("cerebellum.sla.breaches").ShouldBe(breaches);
        var escalations = (await host.EventsAsync(caseId)).OfType<CaseEscalated>().ToList();
        metrics.Sum("cerebellum.escalations").ShouldBe(escalations.Count);
        metrics.Sum("cerebellum.escalations", "to", escalations[0].To).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_queue_depth_gauge_counts_pending_deadline_timers_and_waiting_messages_not_handled_ones()
    {
        // A dispatched case leaves its tasks' deadline timers scheduled in the durable inbox.
        var (caseId, _) = await host.SmokeAtElderlyAloneAsync(2);
        var timers = (await host.CaseAsync(caseId)).Tasks.Count;
        using var metrics = new MetricsRecorder();
        var deadline = DateTime.UtcNow + QueueDepthSamplerInterval * 4;
        while (true)
        {
            metrics.Observe();
            var scheduled = metrics.Of("cerebellum.queue.depth").LastOrDefault(m => Equals(m.Tags.GetValueOrDefault("status"), "scheduled"));
            var incoming = metrics.Of("cerebellum.queue.depth").LastOrDefault(m => Equals(m.Tags.GetValueOrDefault("status"), "incoming"));
            if (scheduled.Value >= timers && incoming.Tags is not null)
            {
                incoming.Value.ShouldBeGreaterThanOrEqualTo(0); // the handled signal messages are not counted as waiting
                incoming.Value.ShouldBeLessThan(timers);
                break;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"the gauge did not see the {timers} scheduled timers");
            await Task.Delay(200);
        }
    }

    private static TimeSpan QueueDepthSamplerInterval => Engine.Observability.QueueDepthSampler.Interval;
}
