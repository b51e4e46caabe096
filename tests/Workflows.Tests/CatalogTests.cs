namespace Cerebellum.Workflows.Tests;

public class CatalogTests
{
    private static readonly RoutingCatalog Samples = new(SampleFiles.AllDefinitions());

    [Theory]
    [InlineData("fire", "emergency-dispatch")]
    [InlineData("gas", "emergency-dispatch")]
    [InlineData("Gas", "emergency-dispatch")]
    [InlineData("elderly-care", "care-and-health")]
    [InlineData("health", "care-and-health")]
    [InlineData("flood", "facilities-repair")]
    [InlineData("facility", "facilities-repair")]
    [InlineData("security", "security-dispatch")]
    [InlineData("public-safety", "security-dispatch")]
    [InlineData("sanitation", "environment-sanitation")]
    [InlineData("neighbourhood", "neighbourhood-mediation")]
    [InlineData("general", "community-dispatch")]
    [InlineData("parking", "community-dispatch")]
    public void A_specific_definition_wins_over_the_fallback(string category, string expected)
    {
        Samples.Select(category).Id.ShouldBe(expected);
    }

    [Fact]
    public void Without_a_fallback_an_unknown_category_cannot_be_routed()
    {
        var catalog = new RoutingCatalog([SampleFiles.Definition("emergency-dispatch")]);

        Should.Throw<KeyNotFoundException>(() => catalog.Select("noise")).Message.ShouldContain("noise");
        catalog.TrySelect("noise", out _).ShouldBeFalse();
    }

    [Fact]
    public void New_cases_use_the_latest_version_and_old_versions_stay_findable()
    {
        var v1 = SampleFiles.Definition("emergency-dispatch");
        var v2 = v1 with { Version = 2 };

        var catalog = new RoutingCatalog([v2, v1]);

        catalog.Select("fire").ShouldBeSameAs(v2);
        catalog.Find("emergency-dispatch", 1).ShouldBeSameAs(v1);
        catalog.Find("emergency-dispatch", 3).ShouldBeNull();
        catalog.Current.ShouldHaveSingleItem();
    }

    [Fact]
    public void Two_definitions_claiming_one_category_are_rejected()
    {
        var emergency = SampleFiles.Definition("emergency-dispatch");
        var rival = emergency with { Id = "gas-only", Categories = ["gas"] };

        Should.Throw<ArgumentException>(() => new RoutingCatalog([emergency, rival])).Message.ShouldContain("'gas'");
    }

    [Fact]
    public void Two_fallbacks_are_rejected()
    {
        var fallback = SampleFiles.Definition("community-dispatch");

        Should.Throw<ArgumentException>(() => new RoutingCatalog([fallback, fallback with { Id = "other" }]));
    }

    [Fact]
    public void The_same_version_given_twice_is_rejected()
    {
        var fallback = SampleFiles.Definition("community-dispatch");

        Should.Throw<ArgumentException>(() => new RoutingCatalog([fallback, fallback]));
    }

    [Fact]
    public void Only_the_current_version_claims_categories()
    {
        // v1 of gas-only claimed gas; v2 dropped it, so the emergency definition may take it.
        var emergency = SampleFiles.Definition("emergency-dispatch");
        var oldRival = emergency with { Id = "gas-only", Categories = ["gas"] };
        var newRival = oldRival with { Version = 2, Categories = ["gas-meter-reading"] };

        var catalog = new RoutingCatalog([emergency, oldRival, newRival]);

        catalog.Select("gas").ShouldBeSameAs(emergency);
        catalog.Select("gas-meter-reading").ShouldBeSameAs(newRival);
    }

    [Fact]
    public void AppliesTo_matches_listed_categories_and_fallbacks_match_everything()
    {
        var emergency = SampleFiles.Definition("emergency-dispatch");
        var fallback = SampleFiles.Definition("community-dispatch");

        emergency.AppliesTo("fire").ShouldBeTrue();
        emergency.AppliesTo("noise").ShouldBeFalse();
        fallback.AppliesTo("anything-new").ShouldBeTrue();
    }
}
