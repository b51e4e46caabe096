using Cerebellum.Engine;
using Cerebellum.Engine.Policies;
using Marten;
using Npgsql;
using Wolverine;

namespace Cerebellum.Portal.Hosting;

/// <summary>
/// The database for the <c>rules backtest|publish</c> commands, configured exactly as the portal configures it
/// (<see cref="EngineSetup"/>), without starting the portal: the event store and documents are read and written by
/// the same code. The connection string is <c>--db</c>, else the portal's own (GOVERNANCE_DB, then
/// ConnectionStrings:Governance in appsettings.json).
/// </summary>
internal sealed class CommandDatabase : IAsyncDisposable
{
    private readonly IHost host;

    private CommandDatabase(IHost host, PolicyCatalog policies)
    {
        this.host = host;
        Policies = policies;
    }

    public IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>The routing and calendars from the samples folder with the pack file in force; publishing compares with it as a node does.</summary>
    public PolicyCatalog Policies { get; }

    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static CommandDatabase Open(string? db)
    {
        var config = Configuration();
        var connection = db ?? HostConfiguration.ConnectionString(config);
        var policies = PolicyCatalog.LoadFrom(HostConfiguration.SamplesPath(config, Directory.GetCurrentDirectory()));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCerebellumEngine(connection, policies);
        // Wolverine is configured because the store is integrated with it, but never started: nothing is processed here.
        builder.UseWolverine(o => o.ConfigureCerebellum());
        return new CommandDatabase(builder.Build(), policies);
    }

    /// <summary>True for failures to reach or log into the database, which the commands report as exit code 69.</summary>
    public static bool IsUnavailable(Exception e) =>
        e is NpgsqlException or TimeoutException || e.InnerException is { } inner && IsUnavailable(inner);

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else host.Dispose();
    }
}
