using System.Text.RegularExpressions;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Cerebellum.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cerebellum.Engine.Tests.RoutingDefinitions;

/// <summary>An engine on its own database (publishing here must not change routing for other test classes),
/// started the way Program.cs starts: routing definitions seeded from samples/workflows, then loaded from Marten.</summary>
public sealed class RoutingDefinitionsFixture : EngineFixture, IAsyncLifetime
{
    public static string WorkflowsDirectory => Path.Combine(RepoPaths.Samples, "workflows");

    /// <summary>This node's catalog: the one the engine's case intake routes with.</summary>
    public PolicyCatalog Node => Host.Services.GetRequiredService<PolicyCatalog>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await RoutingDefinitionLibrary.LoadAtStartupAsync(Store, Node, WorkflowsDirectory, DateTimeOffset.UtcNow, default);
    }

    /// <summary>Another app node on the same database, as it would start.</summary>
    public async Task<PolicyCatalog> StartOtherNodeAsync()
    {
        var other = PolicyCatalog.LoadFrom(RepoPaths.Samples);
        await RoutingDefinitionLibrary.LoadAtStartupAsync(Store, other, WorkflowsDirectory, DateTimeOffset.UtcNow, default);
        return other;
    }

    public static string Sample(string id) => File.ReadAllText(Path.Combine(WorkflowsDirectory, id + ".yaml"));

    public static string WithVersion(string yaml, int version) => Regex.Replace(yaml, @"(?m)^version: \d+", $"version: {version}");

    /// <summary>A version above every one published so far (tests of one collection run one at a time).</summary>
    public int NextVersion(string id) => Node.Routing.All.Where(d => d.Id == id).Max(d => d.Version) + 1;
}

[CollectionDefinition(nameof(RoutingDefinitionsCollection))]
public sealed class RoutingDefinitionsCollection : ICollectionFixture<RoutingDefinitionsFixture>;
