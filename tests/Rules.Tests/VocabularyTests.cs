namespace Cerebellum.Rules.Tests;

public class VocabularyTests
{
    [Fact]
    public void Level_names_round_trip_and_order_by_severity()
    {
        foreach (var level in Enum.GetValues<RiskLevel>())
        {
            VocabularyNames.TryParseLevel(level.Name(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(level);
        }

        VocabularyNames.LevelNames.ShouldBe(["red", "orange", "yellow", "blue"]);
        (RiskLevel.Red > RiskLevel.Orange && RiskLevel.Orange > RiskLevel.Yellow && RiskLevel.Yellow > RiskLevel.Blue).ShouldBeTrue();
        VocabularyNames.TryParseLevel("Red", out _).ShouldBeFalse();
    }

    [Fact]
    public void Party_names_round_trip_in_stable_order()
    {
        Enum.GetValues<Party>().Select(p => p.Name()).ShouldBe(VocabularyNames.PartyNames);
        VocabularyNames.TryParseParty("health", out var health).ShouldBeTrue();
        health.ShouldBe(Party.Health);
        VocabularyNames.TryParseParty("fire-brigade", out _).ShouldBeFalse();
    }

    [Fact]
    public void Localized_text_picks_the_language()
    {
        var text = new LocalizedText("烟感报警", "Smoke alarm");

        text.For("zh-CN").ShouldBe("烟感报警");
        text.For("en-GB").ShouldBe("Smoke alarm");
    }
}
