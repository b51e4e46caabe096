using Cerebellum.Engine;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Registry;
using Cerebellum.Portal.Accounts;
using Cerebellum.Portal.Api.Cases;
using Cerebellum.Portal.Api.Feedback;
using Cerebellum.Engine.Notifications;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Vendors;
using Cerebellum.Portal.Api.Gateways;
using Cerebellum.Portal.Api.Health;
using Cerebellum.Portal.Api.HealthReports;
using Cerebellum.Portal.Api.ManualEntries;
using Cerebellum.Portal.Api.Registry;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Portal.Api.Open311;
using Cerebellum.Portal.Api.RulePacks;
using Cerebellum.Portal.Api.RoutingDefinitions;
using Cerebellum.Portal.Api.Signals;
using Cerebellum.Portal.Api.Statistics;
using Cerebellum.Portal.Api.Tasks;
using Cerebellum.Portal.Api.Vendors;
using Cerebellum.Portal.Mqtt;
using Cerebellum.Portal.Components;
using Cerebellum.Portal.Hosting;
using JasperFx.Resources;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Marten;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Authentication.Cookies;
using MudBlazor.Services;
using Wolverine;

// `rules validate|test <file>` checks a rule pack and exits, before anything needs a database;
// `rules backtest|publish` open the database themselves.
if (RulesCommand.Handles(args))
{
    Environment.ExitCode = await RulesCommand.RunAsync(args, Console.Out);
    return;
}
// `workflows validate|diagram <file>` checks or draws a routing definition, likewise without a database.
if (WorkflowsCommand.Handles(args))
{
    Environment.ExitCode = WorkflowsCommand.Run(args, Console.Out);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();

var samples = HostConfiguration.SamplesPath(builder.Configuration, builder.Environment.ContentRootPath);
var policies = PolicyCatalog.LoadFrom(samples);
var correlation = builder.Configuration.GetSection("Cerebellum:Correlation").Get<CorrelationOptions>() ?? new();
var retention = builder.Configuration.GetSection("Cerebellum:Retention").Get<Cerebellum.Engine.Privacy.Retention.RetentionOptions>() ?? new();
var notifications = builder.Configuration.GetSection("Cerebellum:Notifications").Get<NotificationSettings>() ?? new();
builder.Services.AddCerebellumEngine(HostConfiguration.ConnectionString(builder.Configuration), policies, correlation, retention, notifications);
// A bad vendor profile stops start-up here with every file, line, column and field at fault.
builder.Services.AddSingleton(VendorCatalog.LoadFrom(HostConfiguration.VendorsPath(builder.Configuration, samples)));
builder.Services.AddCerebellumMqtt(builder.Configuration);
builder.Host.UseWolverine(opts => opts.ConfigureCerebellum());
builder.Services.AddResourceSetupOnStartup();

builder.Services.AddSingleton(ServiceCatalogue.LoadFrom(samples));
builder.Services.AddSingleton<Readiness>();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => Serialization.Configure(o.SerializerOptions));
builder.Services.AddLocalization();
// Chinese text goes out as UTF-8, not as &#x...; entities: pages a third the size, readable source.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/login";
        o.AccessDeniedPath = "/access-denied";
        o.Cookie.Name = "cerebellum.auth";
        o.ExpireTimeSpan = TimeSpan.FromHours(12);
        o.SlidingExpiration = true;
        ApiCookieEvents.Apply(o);
    });
builder.Services.AddAuthorization(Policies.Add);
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddHttpContextAccessor();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddCerebellumRateLimits(builder.Configuration);
builder.AddCerebellumObservability();

var app = builder.Build();

// `audit verify` needs the configured database but not the web host: build, use the store, exit.
if (AuditCommand.Handles(args))
{
    Environment.ExitCode = await AuditCommand.RunAsync(args, app.Services.GetRequiredService<IDocumentStore>(), Console.Out, default);
    return;
}
if (ExportCommand.Handles(args))
{
    Environment.ExitCode = await ExportCommand.RunAsync(args, app.Services.GetRequiredService<IDocumentStore>(), Console.Out, DateTimeOffset.UtcNow, default);
    return;
}

if (builder.Configuration.GetValue("Cerebellum:LoadSampleCommunity", true))
{
    var store = app.Services.GetRequiredService<IDocumentStore>();
    await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    if (await SampleCommunity.LoadIfEmptyAsync(store, Path.Combine(samples, "community", "community.json"), default))
        app.Logger.LogInformation("Loaded the sample community from {Samples}", samples);
    if (await SampleApiKeys.LoadIfEmptyAsync(store, Path.Combine(samples, "open311", "api-keys.json"), default))
        app.Logger.LogInformation("Loaded the sample Open311 api keys");
    if (await SampleGateways.LoadIfEmptyAsync(store, Path.Combine(samples, "gateways", "gateways.json"), default))
        app.Logger.LogInformation("Registered the sample gateways from {Samples}", samples);
}

await Cerebellum.Engine.Audit.AuditTrail.EnsureStartedAsync(app.Services.GetRequiredService<IDocumentStore>(), DateTimeOffset.UtcNow, default);

// A pack published through the API outlives restarts: the newest published version wins over the file.
await Cerebellum.Engine.Policies.RulePacks.RulePackPublishing.ActivateNewestAsync(
    app.Services.GetRequiredService<IDocumentStore>(), policies, default);
// Routing definitions: every published version from the database (seeded from samples/workflows when empty).
await Cerebellum.Engine.Policies.RoutingDefinitions.RoutingDefinitionLibrary.LoadAtStartupAsync(
    app.Services.GetRequiredService<IDocumentStore>(), policies, Path.Combine(samples, "workflows"), DateTimeOffset.UtcNow, default);

app.UseSecurityHeaders();
// A request the framework refuses while binding (bad form, missing antiforgery token) is the caller's fault: its
// own status (400), not a 500 that looks like our crash.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
app.UseRequestLocalization(Culture.Options());
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
GetHealth.Map(app);
GetHealth.MapLive(app);
Cerebellum.Portal.Api.Metrics.GetMetrics.Map(app);
PostSignals.Map(app);
PostVendorSignals.Map(app);
GatewayEndpoints.Map(app);
GetSignal.Map(app);
GetCases.Map(app);
GetCase.Map(app);
GetCaseDossier.Map(app);
PostCaseAction.Map(app);
PostMerge.Map(app);
PostAcceptTask.Map(app);
PostRejectTask.Map(app);
PostHandOffTask.Map(app);
PostAssistTask.Map(app);
PostTaskNote.Map(app);
PostResolveTask.Map(app);
GetFeedback.Map(app);
PostFeedback.Map(app);
PostManualEntry.Map(app);
PostHealthReport.Map(app);
GetBuildingStatistics.Map(app);
PostRegistryImport.Map(app);
GetCompounds.Map(app);
GetBuildings.Map(app);
GetUnits.Map(app);
GetDevices.Map(app);
GetHouseholds.Map(app);
GetOffices.Map(app);
app.MapOpen311();
RulePackEndpoints.Map(app);
PostSensitiveRead.Map(app);
Cerebellum.Portal.Api.Erasure.PostErasureRequest.Map(app);
Cerebellum.Portal.Api.Erasure.GetErasureRequests.Map(app);
Cerebellum.Portal.Api.Erasure.PostErasureDecision.Map(app);
Cerebellum.Portal.Api.Audit.GetAuditEntries.Map(app);
Cerebellum.Portal.Api.Audit.GetAuditVerification.Map(app);
Cerebellum.Portal.Api.Exports.PostEthicsReview.Map(app);
Cerebellum.Portal.Api.Exports.GetExports.Map(app);
RoutingDefinitionEndpoints.Map(app);
AccountEndpoints.Map(app);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.StartAsync();
await EngineWarmUp.CompileHandlersAsync(app.Services);
app.Services.GetRequiredService<Readiness>().MarkReady();
await app.WaitForShutdownAsync();

/// <summary>Exposed for Alba / WebApplicationFactory tests.</summary>
public partial class Program;
