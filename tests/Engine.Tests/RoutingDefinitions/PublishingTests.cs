using Cerebellum.Engine.Policies.RoutingDefinitions;
using Marten;
using static Cerebellum.Engine.Tests.RoutingDefinitions.RoutingDefinitionsFixture;

namespace Cerebellum.Engine.Tests.RoutingDefinitions;

/// <summary>Publishing routing definitions against real PostgreSQL: what is refused (and leaves nothing behind),
/// what is stored, and that every version survives a restart.</summary>
[Collection(nameof(RoutingDefinitionsCollection))]
public sealed class PublishingTests(RoutingDefinitionsFixture fixture)
{
    private Task<RoutingPublishResult> PublishAsync(string yaml) =>
        RoutingDefinitionPublishing.PublishAsync(fixture.Store, fixture.Node, yaml, "author1", DateTimeOffset.UtcNow, default);

    private async Task<int> StoredCountAsync()
    {
        await using var session = fixture.Store.QuerySession();
        return await session.Query<PublishedRoutingDefinition>().CountAsync();
    }

    [Fact]
    public async Task An_empty_database_is_seeded_from_the_sample_files_once()
    {
        var files = Directory.GetFiles(WorkflowsDirectory, "*.yaml").Length;
        await using var session = fixture.Store.QuerySession();
        var seeded = await session.Query<PublishedRoutingDefinition>().Where(p => p.PublishedBy == RoutingDefinitionLibrary.SeededBy).ToListAsync();
        seeded.Count.ShouldBe(files);
        seeded.ShouldContain(p => p.Id == "emergency-dispatch@1" && p.Yaml == Sample("emergency-dispatch"));

        await fixture.StartOtherNodeAsync();
        (await session.Query<PublishedRoutingDefinition>().CountAsync(p => p.PublishedBy == RoutingDefinitionLibrary.SeededBy)).ShouldBe(files);
    }

    [Fact]
    public async Task A_published_version_is_in_force_at_once_recorded_with_who_and_when_and_found_after_a_restart()
    {
        var version = fixture.NextVersion("neighbourhood-mediation");
        var yaml = WithVersion(Sample("neighbourhood-mediation"), version).Replace("feedbackWithinDays: 7", "feedbackWithinDays: 4");
        var before = DateTimeOffset.UtcNow;

        var result = await PublishAsync(yaml);

        result.Status.ShouldBe(RoutingPublishStatus.Published, result.Problem);
        fixture.Node.Routing.Select("neighbourhood").Version.ShouldBe(version);
        fixture.Node.Routing.Find("neighbourhood-mediation", 1).ShouldNotBeNull();
        await using var session = fixture.Store.QuerySession();
        var stored = (await session.LoadAsync<PublishedRoutingDefinition>($"neighbourhood-mediation@{version}")).ShouldNotBeNull();
        stored.Yaml.ShouldBe(yaml);
        stored.PublishedBy.ShouldBe("author1");
        stored.PublishedAt.ShouldBeGreaterThanOrEqualTo(before.AddSeconds(-1));

        var restarted = await fixture.StartOtherNodeAsync();
        restarted.Routing.Select("neighbourhood").Closure.FeedbackWithinDays.ShouldBe(4);
        restarted.Routing.Find("neighbourhood-mediation", 1)!.Closure.FeedbackWithinDays.ShouldBe(7);
        restarted.Routing.Find("neighbourhood-mediation", version).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_version_not_newer_than_the_published_ones_is_refused()
    {
        var count = await StoredCountAsync();

        var result = await PublishAsync(Sample("security-dispatch"));

        result.Status.ShouldBe(RoutingPublishStatus.NotNewer);
        result.Problem!.ShouldContain("raise `version`");
        (await StoredCountAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_with_line_and_column()
    {
        var yaml = WithVersion(Sample("security-dispatch"), 900).Replace("minLevel: yellow", "minlevel: yellow");

        var result = await PublishAsync(yaml);

        result.Status.ShouldBe(RoutingPublishStatus.Invalid);
        // The misspelt key, then the consequence: without minLevel the police task would apply at blue.
        result.Diagnostics.Count.ShouldBe(2);
        var diagnostic = result.Diagnostics[0];
        diagnostic.Line.ShouldBe(yaml.Split('\n').ToList().FindIndex(l => l.Contains("minlevel")) + 1);
        diagnostic.Column.ShouldBe(5);
        diagnostic.Message.ShouldContain("minLevel");
        fixture.Node.Routing.Find("security-dispatch", 900).ShouldBeNull();
    }

    [Fact]
    public async Task A_category_the_rule_pack_cannot_produce_is_refused_at_its_position()
    {
        var yaml = WithVersion(Sample("security-dispatch"), 901).Replace("categories: [security, public-safety]", "categories: [security, burglary]");

        var result = await PublishAsync(yaml);

        result.Status.ShouldBe(RoutingPublishStatus.Invalid);
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        var line = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("categories:"));
        (diagnostic.Line, diagnostic.Column).ShouldBe((line + 1, "categories: [security, ".Length + 1));
        diagnostic.Message.ShouldContain("'burglary'");
    }

    [Fact]
    public async Task A_new_definition_claiming_a_category_another_holds_is_refused()
    {
        var count = await StoredCountAsync();
        var yaml = Sample("environment-sanitation").Replace("workflow: environment-sanitation", "workflow: bins-only");

        var result = await PublishAsync(yaml);

        result.Status.ShouldBe(RoutingPublishStatus.Conflict);
        result.Problem!.ShouldContain("category 'sanitation' is claimed by both");
        (await StoredCountAsync()).ShouldBe(count);
        fixture.Node.Routing.Select("sanitation").Id.ShouldBe("environment-sanitation");
    }

    [Fact]
    public async Task The_fallback_cannot_be_published_away()
    {
        var yaml = WithVersion(Sample("community-dispatch"), 902).Replace("categories: [\"*\"]", "categories: [general]");

        var result = await PublishAsync(yaml);

        result.Status.ShouldBe(RoutingPublishStatus.Conflict);
        result.Problem!.ShouldContain("fallback");
        fixture.Node.Routing.Select("some-new-category").Id.ShouldBe("community-dispatch");
    }

    [Fact]
    public async Task Two_nodes_publishing_the_same_version_at_once_store_it_once()
    {
        var other = await fixture.StartOtherNodeAsync();
        var version = fixture.NextVersion("environment-sanitation");
        var yaml = WithVersion(Sample("environment-sanitation"), version);

        var results = await Task.WhenAll(
            RoutingDefinitionPublishing.PublishAsync(fixture.Store, fixture.Node, yaml, "author1", DateTimeOffset.UtcNow, default),
            RoutingDefinitionPublishing.PublishAsync(fixture.Store, other, yaml, "author2", DateTimeOffset.UtcNow, default));

        results.Count(r => r.Status == RoutingPublishStatus.Published).ShouldBe(1);
        results.Count(r => r.Status is RoutingPublishStatus.Conflict or RoutingPublishStatus.NotNewer).ShouldBe(1);
        await using var session = fixture.Store.QuerySession();
        (await session.Query<PublishedRoutingDefinition>().CountAsync(p => p.Id == $"environment-sanitation@{version}")).ShouldBe(1);
    }
}
