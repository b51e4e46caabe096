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
using Cerebellum.Portal.Api.Signals;
using Cerebellum.Portal.Api.Statistics;
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

// `rules validate|test <file>` checks a rule pack and exits, before anything needs a database.
if (RulesCommand.Handles(args))
{
    Environment.ExitCode = RulesCommand.Run(args, Console.Out);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();

var samples = HostConfiguration.SamplesPath(builder.Configuration, builder.Environment.ContentRootPath);
var policies = PolicyCatalog.LoadFrom(samples);
var correlation = builder.Configuration.GetSection("Cerebellum:Correlation").Get<CorrelationOptions>() ?? new();
var notifications = builder.Configuration.GetSection("Cerebellum:Notifications").Get<NotificationSettings>() ?? new();
builder.Services.AddCerebellumEngine(HostConfiguration.ConnectionString(builder.Configuration), policies, correlation, notifications);
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

var app = builder.Build();

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

// A pack published through the API outlives restarts: the newest published version wins over the file.
await Cerebellum.Engine.Policies.RulePacks.RulePackPublishing.ActivateNewestAsync(
    app.Services.GetRequiredService<IDocumentStore>(), policies, default);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization(Culture.Options());
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
GetHealth.Map(app);
PostSignals.Map(app);
PostVendorSignals.Map(app);
GatewayEndpoints.Map(app);
GetSignal.Map(app);
GetCases.Map(app);
GetCase.Map(app);
PostCaseAction.Map(app);
PostMerge.Map(app);
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
AccountEndpoints.Map(app);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.StartAsync();
await EngineWarmUp.CompileHandlersAsync(app.Services);
app.Services.GetRequiredService<Readiness>().MarkReady();
await app.WaitForShutdownAsync();

/// <summary>Exposed for Alba / WebApplicationFactory tests.</summary>
public partial class Program;
