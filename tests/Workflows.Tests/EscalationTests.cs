using Cerebellum.Rules;
using static Cerebellum.Workflows.Tests.Time;

namespace Cerebellum.Workflows.Tests;

public class EscalationTests
{
    private static readonly RoutingDefinition Emergency = SampleFiles.Definition("emergency-dispatch");

    // A red fire dispatched at 10:00: the police task is due at 10:10.
    private static readonly TaskDecision Police = Router
        .Dispatch(Emergency, new RoutingInput(RiskLevel.Red, "fire", [Party.Police]), At(2026, 3, 6, 10), SampleFiles.China())
        .Single(t => t.Party == Party.Police);

    [Fact]
    public void Nothing_happens_before_the_deadline()
    {
        Router.Escalate(Emergency, Police, 0, At(2026, 3, 6, 10, 9)).ShouldBeNull();
    }

    [Fact]
    public void At_the_breach_the_street_supervisor_takes_over()
    {
        var decision = Router.Escalate(Emergency, Police, 0, At(2026, 3, 6, 10, 10)).ShouldNotBeNull();

        decision.TaskKey.ShouldBe("police");
        decision.StepIndex.ShouldBe(0);
        decision.To.ShouldBe("street-supervisor");
        decision.Notify.ShouldBe(["street", "supervisor"]);
        decision.StepDueAt.ShouldBe(At(2026, 3, 6, 10, 10));
        decision.OverdueBy.ShouldBe(TimeSpan.Zero);
        decision.NextStepAt.ShouldBe(At(2026, 3, 6, 12, 10));
    }

    [Fact]
    public void The_second_step_waits_for_its_delay_after_the_breach()
    {
        Router.Escalate(Emergency, Police, 1, At(2026, 3, 6, 12, 9)).ShouldBeNull();

        var decision = Router.Escalate(Emergency, Police, 1, At(2026, 3, 6, 12, 10)).ShouldNotBeNull();

        decision.StepIndex.ShouldBe(1);
        decision.To.ShouldBe("district-supervisor");
        decision.Notify.ShouldContain("district-emergency-office");
        decision.OverdueBy.ShouldBe(TimeSpan.FromHours(2));
        decision.NextStepAt.ShouldBeNull();
    }

    [Fact]
    public void After_the_last_step_there_is_nothing_more()
    {
        Router.Escalate(Emergency, Police, 2, At(2026, 3, 7, 10)).ShouldBeNull();
        Router.NextEscalationAt(Emergency, Police, 2).ShouldBeNull();
    }

    [Fact]
    public void A_late_timer_takes_the_steps_in_order_without_skipping()
    {
        // The service was down; the timer fires five hours after the breach.
        var now = At(2026, 3, 6, 15, 10);

        var first = Router.Escalate(Emergency, Police, 0, now).ShouldNotBeNull();
        first.StepIndex.ShouldBe(0);
        first.NextStepAt!.Value.ShouldBeLessThan(now);

        var second = Router.Escalate(Emergency, Police, first.StepIndex + 1, now).ShouldNotBeNull();
        second.StepIndex.ShouldBe(1);
        second.OverdueBy.ShouldBe(TimeSpan.FromHours(5));
    }

    [Fact]
    public void The_next_timer_is_the_deadline_plus_the_steps_delay()
    {
        Router.NextEscalationAt(Emergency, Police, 0).ShouldBe(At(2026, 3, 6, 10, 10));
        Router.NextEscalationAt(Emergency, Police, 1).ShouldBe(At(2026, 3, 6, 12, 10));
    }

    [Fact]
    public void Steps_already_taken_cannot_be_negative()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Router.Escalate(Emergency, Police, -1, At(2026, 3, 6, 11)));
    }
}
