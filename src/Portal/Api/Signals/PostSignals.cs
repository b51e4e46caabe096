using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Intake.Vendors;
using Cerebellum.Portal.Api.Gateways;
using Cerebellum.Portal.Api.Vendors;

namespace Cerebellum.Portal.Api.Signals;

/// <summary>POST /api/v1/signals: one signal or an array of up to 1,000 from an authenticated gateway.
/// Answers 202 with the ids only after PostgreSQL has committed them. A gateway registered with a
/// vendor profile sends its vendor's JSON here, mapped by that profile.</summary>
public static class PostSignals
{
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/signals", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpRequest request, GatewayDirectory gateways, VendorCatalog vendors,
        SignalIntake intake, TimeProvider clock, CancellationToken ct)
    {
        var (gateway, denied) = await GatewayAuthentication.AuthenticateAsync(request, gateways, ct);
        if (gateway is null) return denied!;
        var (body, bad) = await JsonBody.ReadElementAsync(request, MaxBodyBytes, ct);
        if (bad is not null) return bad;
        if (vendors.ForGateway(gateway) is { } profile)
            return await PostVendorSignals.MapAndAcceptAsync(profile, body, gateway, intake, clock, ct);

        var (batch, isArray, shapeErrors) = SignalJson.Read(body);
        if (shapeErrors.Count > 0) return Problems.Fields(shapeErrors);
        var errors = SignalValidation.Validate(batch, isArray, clock.GetUtcNow());
        if (errors.Count > 0) return Problems.Fields(errors);
        if (await RefusalAsync(batch, isArray, gateway, intake, ct) is { } refused) return refused;

        var ids = await intake.AcceptAsync(batch, ct);
        return isArray
            ? Results.Accepted(value: new { ids })
            : Results.Accepted($"/api/v1/signals/{ids[0]}", new { id = ids[0] });
    }

    /// <summary>The checks that need the gateway or the registry, shared by every HTTP signal route:
    /// a gateway speaks only for itself, and a device nobody can place is refused.</summary>
    public static async Task<IResult?> RefusalAsync(
        IReadOnlyList<SignalSubmission> batch, bool isArray, Gateway gateway, SignalIntake intake, CancellationToken ct)
    {
        var foreign = SignalJson.ForeignSources(batch, isArray, gateway.Id);
        if (foreign.Count > 0) return GatewayAuthentication.Forbidden(foreign);
        var unplaceable = await intake.UnplaceableDevicesAsync(batch, isArray, ct);
        return unplaceable.Count > 0 ? Problems.Fields(unplaceable) : null;
    }
}
