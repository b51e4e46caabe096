using Cerebellum.Engine.Cases;
using Cerebellum.Engine.CityBrain;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.ManualEntries;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Mqtt;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.Refresh;
using Cerebellum.Engine.Policies.RoutingDefinitions;
using Cerebellum.Engine.Policies.Publishing;
using Cerebellum.Engine.Policies.RulePacks;
using Cerebellum.Engine.Registry;
using Cerebellum.Engine.Registry.Importing;
using Cerebellum.Engine.Accounts;
using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Privacy.Retention;
using Cerebellum.Engine.Notifications;
using JasperFx.Events.Daemon;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

    public static IServiceCollection AddCerebellumEngine(
        this IServiceCollection services, string connectionString, PolicyCatalog policies, CorrelationOptions? correlation = null,
        RetentionOptions? retention = null, NotificationSettings? notifications = null)
    {
        correlation ??= new CorrelationOptions();
        correlation.Validate();
        services.AddSingleton(policies);
        services.AddSingleton(correlation);
        services.AddSingleton<PublishedPolicies>();
        services.AddSingleton<IPublishedPolicy, PublishedRulePacks>();
        services.AddSingleton<IPublishedPolicy, PublishedRoutingDefinitions>();
        // Policies published on another node on the same database reach this one within PublishedPolicies.Interval.
        services.AddHostedService<PolicyRefreshService>();
        services.AddSingleton(sp => new CaseIntake(policies, correlation, sp.GetRequiredService<PublishedPolicies>()));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SignalIntake>();
        services.AddSingleton<HealthReportIntake>();
        services.AddSingleton<ManualEntryIntake>();
        services.AddScoped<RegistryImporter>();
        services.AddScoped<ComplaintIntake>();
        services.AddSingleton<GatewayDirectory>();
        services.AddSingleton<MqttSignalReceiver>();
        services.AddSingleton(retention ??= new RetentionOptions());
        retention.Validate();
        services.AddHostedService<RetentionScheduler>();
        services.AddHostedService<Observability.QueueDepthSampler>();
        services.AddCaseNotifications(notifications ?? new NotificationSettings());

        services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = Schema;
                opts.Events.DatabaseSchemaName = Schema;
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Metrics count what was committed (Observability/CommitMetrics).
                opts.Listeners.Add(new Observability.CommitMetrics(TimeProvider.System));

                opts.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<CaseSummary>()
                    .Index(x => x.IsActive)
                    .Index(x => x.BuildingId)
                    .Index(x => x.OpenedAt);
                opts.Schema.For<SignalRecord>().Index(x => x.CaseId);
                opts.Schema.For<ComplaintRecord>()
                    .UniqueIndex(x => x.Token)
                    .Index(x => x.RequestedAt)
                    .Index(x => x.CaseId);
                opts.RegisterDocumentType<ApiClient>();
                opts.Schema.For<Household>().Index(x => x.UnitId);
                opts.Schema.For<Building>().Index(x => x.CompoundId);
                opts.Schema.For<Unit>().Index(x => x.BuildingId);
                opts.Schema.For<Device>().Index(x => x.BuildingId).Index(x => x.UnitId);
                opts.RegisterDocumentType<OpenCaseIndex>();
                opts.RegisterDocumentType<HealthReportRecord>();
                opts.Schema.For<Policies.RulePacks.PublishedRulePack>().Index(x => x.PackId);
                opts.RegisterDocumentType<Policies.RulePacks.RulePackDraft>();
                opts.Schema.For<PublishedRoutingDefinition>().Index(x => x.WorkflowId);
                opts.RegisterDocumentType<RoutingDefinitionDraft>();
                opts.Schema.For<PolicyRevision>().UseOptimisticConcurrency(true);
                opts.RegisterDocumentType<ManualEntryRecord>();
                opts.RegisterDocumentType<Cases.Tasks.TaskOperation>();
                opts.Schema.For<OpenCaseIndex>().UseOptimisticConcurrency(true);
                opts.RegisterDocumentType<Community>();
                opts.RegisterDocumentType<Compound>();
                opts.RegisterDocumentType<Building>();
                opts.RegisterDocumentType<Unit>();
                opts.RegisterDocumentType<Device>();
                opts.RegisterDocumentType<Office>();
                opts.RegisterDocumentType<PortalUser>();
                opts.Schema.For<Gateway>().Index(x => x.KeyHash);
                opts.Schema.For<RejectedMqttMessage>().Index(x => x.ReceivedAt);
                // Registered up front so a tool reading only the audit stream (audit verify) knows its events.
                opts.Events.AddEventType<Audit.AuditRecorded>();
                opts.Schema.For<Exports.ExportJob>().Index(x => x.RequestedAt);
                opts.Schema.For<Exports.ExportFile>().Index(x => x.JobId);
                opts.Schema.For<Audit.AuditEntryView>().Index(x => x.At).Index(x => x.Actor).Index(x => x.CaseId);
                // Erasure (docs/privacy.md): a masking rule for every event type, driven by the classes declared on
                // its fields; ErasureScope says which classes the masking in progress erases.
                ErasureRules.AddTo(opts.Events);
                opts.Events.AddEventType<CaseDataErased>();
                opts.Schema.For<RetentionSchedule>().UseOptimisticConcurrency(true);
                opts.Schema.For<Privacy.Requests.ErasureRequest>().Index(x => x.CaseId).Index(x => x.Status).UseOptimisticConcurrency(true);
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine()
            // Subscriptions (City Brain feed, mail and 回访) run in the async daemon, one node at a time: AddCityBrainFeed
            // turns it on (DaemonMode.HotCold).
            .AddCityBrainFeed();
        return services;
    }

    public static void ConfigureCerebellum(this WolverineOptions opts)
    {
        opts.UseRuntimeCompilation();
        opts.Discovery.IncludeAssembly(typeof(EngineSetup).Assembly);
        opts.Policies.AutoApplyTransactions();
        opts.Policies.UseDurableLocalQueues();
        opts.Policies.UseDurableInboxOnAllListeners();

        // Races between nodes or threads on the same case resolve by retrying the message. Each round
        // of a race has one winner, so a burst of n items for one case needs up to n - 1 retries: the
        // ladder is long and starts short; after it, scheduled retries for as long as it takes. A race
        // is never a reason to give up on (dead-letter) an alarm.
        TimeSpan[] ladder = [.. new[] { 10, 20, 50, 100, 200, 400, 800, 1600 }.Select(ms => TimeSpan.FromMilliseconds(ms))];
        opts.OnException<DocumentAlreadyExistsException>().RetryWithCooldown(ladder)
            .Then.ScheduleRetryIndefinitely(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        opts.OnException<ConcurrencyException>().RetryWithCooldown(ladder)
            .Then.ScheduleRetryIndefinitely(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }
}
