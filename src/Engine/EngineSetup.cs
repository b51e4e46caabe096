using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Mqtt;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Registry;
using Cerebellum.Engine.Accounts;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace Cerebellum.Engine;

/// <summary>Wires the event store, the document store and the message bus. The host calls both
/// methods; nothing else in the product configures Marten or Wolverine.</summary>
public static class EngineSetup
{
    public const string Schema = "cerebellum";

    public static IServiceCollection AddCerebellumEngine(this IServiceCollection services, string connectionString, PolicyCatalog policies)
    {
        services.AddSingleton(policies);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SignalIntake>();
        services.AddSingleton<GatewayDirectory>();
        services.AddSingleton<MqttSignalReceiver>();

        services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = Schema;
                opts.Events.DatabaseSchemaName = Schema;
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

                opts.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<CaseSummary>()
                    .Index(x => x.IsActive)
                    .Index(x => x.BuildingId)
                    .Index(x => x.OpenedAt);
                opts.Schema.For<SignalRecord>().Index(x => x.CaseId);
                opts.Schema.For<Household>().Index(x => x.UnitId);
                opts.RegisterDocumentType<OpenCaseIndex>();
                opts.RegisterDocumentType<Community>();
                opts.RegisterDocumentType<Compound>();
                opts.RegisterDocumentType<Building>();
                opts.RegisterDocumentType<Unit>();
                opts.RegisterDocumentType<Device>();
                opts.RegisterDocumentType<Office>();
                opts.RegisterDocumentType<PortalUser>();
                opts.Schema.For<Gateway>().Index(x => x.KeyHash);
                opts.Schema.For<RejectedMqttMessage>().Index(x => x.ReceivedAt);
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine();
        return services;
    }

    public static void ConfigureCerebellum(this WolverineOptions opts)
    {
        opts.UseRuntimeCompilation();
        opts.Discovery.IncludeAssembly(typeof(EngineSetup).Assembly);
        opts.Policies.AutoApplyTransactions();
        opts.Policies.UseDurableLocalQueues();
        opts.Policies.UseDurableInboxOnAllListeners();

        // Races between nodes or threads on the same case resolve by retrying the message.
        opts.OnException<DocumentAlreadyExistsException>().RetryWithCooldown(
            TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
        opts.OnException<ConcurrencyException>().RetryWithCooldown(
            TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
    }
}
