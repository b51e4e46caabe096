using Cerebellum.Engine.CityBrain.Aggregates;
using Cerebellum.Rules;

namespace Cerebellum.Engine.Tests.CityBrain;

/// <summary>The suppression rule on its own (pure).</summary>
public sealed class HourlyCellsTests
{
    private static IEnumerable<CountedCase> Cases(int n, string building = "b1", string itemType = "signal",
        string category = "fire", RiskLevel? level = RiskLevel.Red) =>
        Enumerable.Repeat(new CountedCase(building, itemType, category, level), n);

    [Theory]
    [InlineData(1, null)]
    [InlineData(4, null)]
    [InlineData(5, 5)]
    [InlineData(12, 12)]
    public void A_cell_under_five_is_suppressed(int cases, int? published) =>
        HourlyCells.Count(Cases(cases)).Single().Count.ShouldBe(published);

    [Fact]
    public void Sources_are_never_mixed_in_one_cell_and_unassessed_cases_have_their_own_level()
    {
        var cells = HourlyCells.Count([.. Cases(5), .. Cases(2, itemType: "health"), .. Cases(3, category: "", level: null)]);
        cells.Select(c => (c.Key.Source, c.Key.Category, c.Key.Level, c.Count)).ShouldBe([
            ("device", "fire", "red", (int?)5),
            ("device", "unassessed", "unassessed", null),
            ("health", "fire", "red", null),
        ]);
    }

    [Fact]
    public void Cases_without_a_building_are_not_counted() =>
        HourlyCells.Count(Cases(7, building: "")).ShouldBeEmpty();
}
