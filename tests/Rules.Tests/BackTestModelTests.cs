using Cerebellum.Rules.BackTesting;

namespace Cerebellum.Rules.Tests;

/// <summary>The pure part of back-testing: ranges, how a case's outcome evolves, and how the report counts.</summary>
public class BackTestModelTests
{
    private static Assessment Assessed(RiskLevel level, string category, params string[] rules) =>
        new("p", 2, level, category, [Party.Street], [.. rules.Select(r => new FiredRule(r, level, category, 0, new LocalizedText(r, r)))]);

    [Fact]
    public void A_later_item_raises_a_case_but_never_lowers_it()
    {
        var outcome = CaseOutcome.NotAssessed.After(Assessed(RiskLevel.Orange, "fire", "smoke"));
        outcome.After(Assessed(RiskLevel.Blue, "general")).ShouldBe(outcome);
        outcome.After(Assessed(RiskLevel.Orange, "gas", "gas")).ShouldBe(outcome);
        var raised = outcome.After(Assessed(RiskLevel.Red, "fire", "smoke", "smoke-at-night"));
        raised.Level.ShouldBe(RiskLevel.Red);
        raised.FiredRuleIds.ShouldBe(["smoke", "smoke-at-night"]);
        raised.AfterFailure().Level.ShouldBe(RiskLevel.Red);
        raised.AfterFailure().SameAs(raised).ShouldBeFalse();
        CaseOutcome.NotAssessed.LevelName.ShouldBe("none");
    }

    [Fact]
    public void The_report_counts_every_case_by_level_and_lists_only_the_changed_ones()
    {
        var report = new BackTestReportBuilder("p", 2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));
        var orange = new CaseOutcome(RiskLevel.Orange, "fire", ["smoke"]);
        var red = new CaseOutcome(RiskLevel.Red, "fire", ["smoke", "smoke-at-night"]);
        var bins = new CaseOutcome(RiskLevel.Blue, "sanitation", ["garbage-overflow"]);
        var moved = new BackTestCase(Guid.NewGuid(), "smoke", "b1", 2, orange, red);
        report.Add(moved);
        report.Add(new BackTestCase(Guid.NewGuid(), "smoke", "b2", 1, orange, orange));
        report.Add(new BackTestCase(Guid.NewGuid(), "garbage-overflow", "b3", 1, bins,
            new CaseOutcome(RiskLevel.Blue, "public-safety", ["bins"])));
        report.CountFacts(reproduced: true);
        report.CountFacts(reproduced: false);

        var built = report.Build();
        built.CasesExamined.ShouldBe(3);
        built.ItemsAssessed.ShouldBe(4);
        built.Affected.Count.ShouldBe(2);
        built.Affected[0].ShouldBe(moved); // highest new level first
        built.LevelTransitions.ShouldBe([new Transition("orange", "red", 1), new Transition("blue", "blue", 1), new Transition("orange", "orange", 1)]);
        built.CategoryChanges.ShouldBe([new Transition("sanitation", "public-safety", 1)]);
        built.RuleDifferences.ShouldBe([new RuleDifference("bins", 1, 0), new RuleDifference("garbage-overflow", 0, 1), new RuleDifference("smoke-at-night", 1, 0)]);
        (built.FactsCompared, built.FactsReproduced).ShouldBe((2, 1));
    }

    [Theory]
    [InlineData("2026-10-01", "2026-10-01T00:00:00+08:00")]
    [InlineData("2026-10-01T08:30:00+08:00", "2026-10-01T08:30:00+08:00")]
    [InlineData("2026-10-01T00:30:00Z", "2026-10-01T08:30:00+08:00")]
    public void Dates_are_Beijing_midnights_and_instants_need_an_offset(string text, string expected)
    {
        BackTestDates.TryParse(text, out var at).ShouldBeTrue();
        at.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-10-01T08:30:00")]
    [InlineData("01/10/2026")]
    [InlineData("")]
    [InlineData(null)]
    public void A_time_without_an_offset_or_another_format_is_refused(string? text) =>
        BackTestDates.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void A_range_must_run_forward_and_cover_at_most_92_days()
    {
        var from = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));
        BackTestRange.Problem(from, from.AddDays(92)).ShouldBeNull();
        BackTestRange.Problem(from, from.AddDays(92).AddSeconds(1))!.Value.Message.ShouldContain("at most 92 days");
        BackTestRange.Problem(from, from)!.Value.Field.ShouldBe("to");
    }
}
