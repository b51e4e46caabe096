using Cerebellum.Rules;

namespace Cerebellum.Workflows.Tests;

public class SampleDefinitionTests
{
    [Fact]
    public void Every_sample_definition_loads_without_diagnostics()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(SampleFiles.RepositoryRoot, "samples", "workflows"), "*.yaml"))
        {
            var result = RoutingDefinitionLoader.Load(File.ReadAllText(path), Path.GetFileName(path));

            result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
            result.Succeeded.ShouldBeTrue();
        }
    }

    [Fact]
    public void The_emergency_definition_reads_as_written()
    {
        var definition = SampleFiles.Definition("emergency-dispatch");

        definition.Id.ShouldBe("emergency-dispatch");
        definition.Version.ShouldBe(1);
        definition.Title.ShouldBe(new LocalizedText("消防与燃气紧急派单", "Fire and gas emergency dispatch"));
        definition.Categories.ShouldBe(["fire", "gas"]);
        definition.IsFallback.ShouldBeFalse();

        var police = definition.Tasks.Single(t => t.Party == Party.Police);
        police.When.ShouldBe(TaskTrigger.Assessed);
        police.MinLevel.ShouldBe(RiskLevel.Orange);
        police.Sla.Keys.Order().ShouldBe([RiskLevel.Orange, RiskLevel.Red]);
        police.Sla[RiskLevel.Red].ShouldBe(new DurationSpec(10, DurationUnit.Minutes));

        definition.Tasks.Single(t => t.Party == Party.Street).When.ShouldBe(TaskTrigger.Always);
        definition.Closure.ShouldBe(new ClosurePolicy(RequireAllTasksDone: true, FeedbackWithinDays: 3, ReopenOnUnsatisfied: true));
    }

    [Fact]
    public void An_sla_given_as_one_value_applies_at_every_level()
    {
        const string yaml = """
            workflow: repairs
            version: 3
            title: { zh-CN: 报修, en: Repairs }
            categories: [leak]
            tasks:
              - party: property
                when: always
                sla: 2wd
            escalation: []
            closure:
              feedbackWithinDays: 5
            """;

        var definition = RoutingDefinitionLoader.LoadOrThrow(yaml, "repairs.yaml");

        var property = definition.Tasks.ShouldHaveSingleItem();
        property.Sla.Count.ShouldBe(4);
        property.Sla.Values.ShouldAllBe(s => s.Text == "2wd");
        definition.Escalation.ShouldBeEmpty();
        definition.Closure.ShouldBe(new ClosurePolicy(true, 5, true));
    }

    [Fact]
    public void Feedback_deadline_is_calendar_days_after_resolution()
    {
        var closure = SampleFiles.Definition("emergency-dispatch").Closure;

        // Resolved on the eve of National Day: silence until 3 October 18:00 closes the case.
        closure.FeedbackDeadline(Time.At(2026, 9, 30, 18)).ShouldBe(Time.At(2026, 10, 3, 18));
    }
}
