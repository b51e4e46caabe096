using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.Publishing;
using Cerebellum.Engine.Policies.RulePacks;
using Cerebellum.Engine.Registry;
using Cerebellum.Testing;
using JasperFx.Resources;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.Policies;

/// <summary>Two engine nodes (two Wolverine hosts, each with its own policy catalog) on one database.</summary>
public sealed class SeveralNodesTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(800);
    private string connectionString = "";
    private IHost nodeA = null!;
    private IHost nodeB = null!;

    public async Task InitializeAsync()
    {
        connectionString = await TestDatabase.CreateAsync("nodes");
        nodeA = await StartNodeAsync();
        nodeB = await StartNodeAsync();
        var store = nodeA.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await SampleCommunity.LoadIfEmptyAsync(store, Path.Combine(RepoPaths.Samples, "community", "community.json"), default);
    }

    private async Task<IHost> StartNodeAsync()
    {
        var host = await Host.CreateDefaultBuilder()
            .ConfigureServices(s => s.AddCerebellumEngine(connectionString, PolicyCatalog.LoadFrom(RepoPaths.Samples)).AddResourceSetupOnStartup())
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseWolverine(o => o.ConfigureCerebellum())
            .StartAsync();
        host.Services.GetRequiredService<PublishedPolicies>().Interval = Interval;
        return host;
    }

    [Fact]
    public async Task A_pack_published_on_one_node_classifies_the_next_signal_on_the_other_without_a_restart()
    {
        var catalogB = nodeB.Services.GetRequiredService<PolicyCatalog>();
        var sampleVersion = catalogB.RulePack.Version;
        (await PackVersionOfCaseAsync(nodeB, "smoke")).ShouldBe(sampleVersion);

        var next = File.ReadAllText(Path.Combine(RepoPaths.Samples, "rules", "community-default.yaml")).Replace("\r", "")
            .Replace($"\nversion: {sampleVersion}\n", $"\nversion: {sampleVersion + 1}\n", StringComparison.Ordinal);
        var published = await RulePackPublishing.PublishAsync(nodeA.Services.GetRequiredService<IDocumentStore>(),
            nodeA.Services.GetRequiredService<PolicyCatalog>(), next, "author1", DateTimeOffset.UtcNow, default);
        published.Status.ShouldBe(PublishStatus.Published);
        nodeA.Services.GetRequiredService<PolicyCatalog>().RulePack.Version.ShouldBe(sampleVersion + 1);

        // Node B learns of it on its next check, at most one interval later; no message between the nodes.
        await Task.Delay(Interval + TimeSpan.FromMilliseconds(200));
        (await PackVersionOfCaseAsync(nodeB, "gas")).ShouldBe(sampleVersion + 1);
        catalogB.RulePack.Version.ShouldBe(sampleVersion + 1);
    }

    [Fact]
    public async Task A_node_keeps_its_pack_and_keeps_assessing_when_the_newest_published_version_cannot_be_loaded()
    {
        var catalogB = nodeB.Services.GetRequiredService<PolicyCatalog>();
        var version = catalogB.RulePack.Version;
        // Written behind the publishing checks' back, as a newer node's language might look to an older node.
        await using (var session = nodeA.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Insert(new PublishedRulePack(PublishedRulePack.IdFor(catalogB.RulePack.Id, version + 5), catalogB.RulePack.Id,
                version + 5, "pack: [unreadable", 0, "someone", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        await Task.Delay(Interval + TimeSpan.FromMilliseconds(200));

        (await PackVersionOfCaseAsync(nodeB, "water-leak")).ShouldBe(version);
        catalogB.RulePack.Version.ShouldBe(version);
    }

    /// <summary>Accepts one signal on the node, lets that node process it, and answers the pack version its case was assessed with.</summary>
    private async Task<int> PackVersionOfCaseAsync(IHost node, string kind)
    {
        var community = SampleCommunity.Read(Path.Combine(RepoPaths.Samples, "community", "community.json"));
        var device = community.Devices.First(d => d.Kind == kind);
        var signal = Signals.Smoke(device.Id);
        signal.Kind = kind;
        var store = node.Services.GetRequiredService<IDocumentStore>();
        IReadOnlyList<Guid> ids = [];
        await node.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async bus =>
            ids = await new SignalIntake(node.Services.GetRequiredService<OutboxedSessionFactory>(), store, bus, TimeProvider.System)
                .AcceptAsync([signal], default)));
        await using var session = store.QuerySession();
        var caseId = (await session.LoadAsync<SignalRecord>(ids[0]))!.CaseId!.Value;
        return (await session.Events.FetchStreamAsync(caseId)).Select(e => e.Data).OfType<RiskAssessed>().Last().PackVersion;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { nodeA, nodeB })
        {
            await node.StopAsync();
            node.Dispose();
        }
        await TestDatabase.DropAsync(connectionString);
    }
}
