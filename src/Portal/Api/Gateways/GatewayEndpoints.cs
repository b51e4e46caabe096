using System.Text.RegularExpressions;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Vendors;
using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Api.Gateways;

/// <summary>The administrator registers gateways and (re-)issues their keys: POST /api/v1/gateways answers
/// the new key once; GET lists gateways without any key material.</summary>
public static partial class GatewayEndpoints
{
    public const string AdminRole = "admin";

    public sealed record GatewayRegistration(string? Id, string? Name, string? CommunityId, string? VendorProfile);

    public sealed record GatewayView(string Id, string Name, string CommunityId, string? VendorProfile);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex IdPattern();

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/gateways").RequireAuthorization(p => p.RequireRole(AdminRole));
        group.MapGet("", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<Gateway>().OrderBy(g => g.Id).ToListAsync(ct))
                .Select(g => new GatewayView(g.Id, g.Name, g.CommunityId, g.VendorProfile)));
        group.MapPost("", RegisterAsync);
    }

    private static async Task<IResult> RegisterAsync(GatewayRegistration request, GatewayDirectory gateways,
        VendorCatalog vendors, IQuerySession session, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Id is null || !IdPattern().IsMatch(request.Id))
            errors["id"] = ["A gateway id is 2–64 lowercase letters, digits, '.', '_' or '-'; it becomes the signals' source."];
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["name is required."];
        if (request.CommunityId is null || await session.LoadAsync<Community>(request.CommunityId, ct) is null)
            errors["communityId"] = ["No such community."];
        if (request.VendorProfile is { } profile && vendors.Profiles.All(p => p.Id != profile))
            errors["vendorProfile"] = [$"No vendor profile '{profile}'; known: {string.Join(", ", vendors.Profiles.Select(p => p.Id))}."];
        if (errors.Count > 0) return Problems.Fields(errors);

        var key = await gateways.RegisterAsync(request.Id!, request.Name!.Trim(), request.CommunityId!, request.VendorProfile, ct);
        // The key is shown this once; only its hash is kept.
        return Results.Created($"/api/v1/gateways/{request.Id}", new { id = request.Id, apiKey = key });
    }
}
