using Cerebellum.Engine;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Vendors;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Registry;
using Cerebellum.Portal.Accounts;
using Cerebellum.Portal.Api.Gateways;
using Cerebellum.Portal.Api.Health;
using Cerebellum.Portal.Api.Signals;
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

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();

var samples = HostConfiguration.SamplesPath(builder.Configuration, builder.Environment.ContentRootPath);
var policies = PolicyCatalog.LoadFrom(samples);
builder.Services.AddCerebellumEngine(HostConfiguration.ConnectionString(builder.Configuration), policies);
// A bad vendor profile stops start-up here with every file, line, column and field at fault.
builder.Services.AddSingleton(VendorCatalog.LoadFrom(HostConfiguration.VendorsPath(builder.Configuration, samples)));
builder.Services.AddCerebellumMqtt(builder.Configuration);
builder.Host.UseWolverine(opts => opts.ConfigureCerebellum());
builder.Services.AddResourceSetupOnStartup();

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
        // API callers get status codes, not the sign-in page.
        o.Events.OnRedirectToLogin = c => ApiAwareRedirect(c, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = c => ApiAwareRedirect(c, StatusCodes.Status403Forbidden);
    });
builder.Services.AddAuthorization();
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
    if (await SampleGateways.LoadIfEmptyAsync(store, Path.Combine(samples, "gateways", "gateways.json"), default))
        app.Logger.LogInformation("Registered the sample gateways from {Samples}", samples);
}

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
AccountEndpoints.Map(app);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.StartAsync();
await EngineWarmUp.CompileHandlersAsync(app.Services);
app.Services.GetRequiredService<Readiness>().MarkReady();
await app.WaitForShutdownAsync();

static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> c, int status)
{
    if (c.Request.Path.StartsWithSegments("/api")) c.Response.StatusCode = status;
    else c.Response.Redirect(c.RedirectUri);
    return Task.CompletedTask;
}

/// <summary>Exposed for Alba / WebApplicationFactory tests.</summary>
public partial class Program;
