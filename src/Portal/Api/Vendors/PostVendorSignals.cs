using System.Text.Json;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Intake.Vendors;
using Cerebellum.Portal.Api.Gateways;
using Cerebellum.Portal.Api.Signals;

namespace Cerebellum.Portal.Api.Vendors;

/// <summary>POST /api/v1/vendors/{profile}/signals: a vendor's own JSON, mapped by the named profile
/// (its route name or id). Same API-key authentication and the same 202-after-commit as our own JSON;
/// mapping errors are 400 problems naming the vendor's field path.</summary>
public static class PostVendorSignals
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/vendors/{profile}/signals", HandleAsync);

    private static async Task<IResult> HandleAsync(string profile, HttpRequest request, GatewayDirectory gateways,
        VendorCatalog vendors, SignalIntake intake, TimeProvider clock, CancellationToken ct)
    {
        var (gateway, denied) = await GatewayAuthentication.AuthenticateAsync(request, gateways, ct);
        if (gateway is null) return denied!;
        if (vendors.ForRoute(profile) is not { } vendor)
            return Problems.Status(StatusCodes.Status404NotFound, $"No vendor profile '{profile}'.",
                $"Known: {string.Join(", ", vendors.Profiles.Select(p => p.Match.Route ?? p.Id))}.");
        var (body, bad) = await JsonBody.ReadElementAsync(request, Signals.PostSignals.MaxBodyBytes, ct);
        return bad ?? await MapAndAcceptAsync(vendor, body, gateway, intake, clock, ct);
    }

    public static async Task<IResult> MapAndAcceptAsync(VendorProfile vendor, JsonElement body, Gateway gateway,
        SignalIntake intake, TimeProvider clock, CancellationToken ct)
    {
        var mapped = VendorMapper.Map(vendor, body, new ChannelDefaults(gateway.Id, null)).Validated(clock.GetUtcNow());
        if (!mapped.Succeeded)
            return Results.ValidationProblem(mapped.Errors, title: $"The {vendor.Id} message could not be mapped to signals.");
        var batch = mapped.Signals.Select(s => s.Submission).ToList();
        if (await Signals.PostSignals.RefusalAsync(batch, isArray: true, gateway, intake, ct) is { } refused) return refused;

        var ids = await intake.AcceptAsync(batch, ct);
        return Results.Accepted(value: new { ids, vendor = vendor.Id });
    }
}
