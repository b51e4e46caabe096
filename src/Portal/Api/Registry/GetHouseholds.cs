using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Registry;
using Cerebellum.Portal.Accounts;
using Marten;

namespace Cerebellum.Portal.Api.Registry;

/// <summary>GET /api/v1/registry/households?unit=… or ?building=…: households with their members, redacted to the
/// viewer's registry clearance for the building's compound (docs/privacy.md): administrators see everything; staff whose
/// office covers the compound see names, phones and ages; other staff masked names and phones; the care list and
/// disability are for the health station.</summary>
public static class GetHouseholds
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/registry/households", async (string? unit, string? building, HttpContext http, IQuerySession session,
            IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        {
            List<Household> households;
            string? buildingId;
            if (!string.IsNullOrEmpty(unit))
            {
                households = [.. await session.Query<Household>().Where(h => h.UnitId == unit).ToListAsync(ct)];
                buildingId = (await session.LoadAsync<Unit>(unit, ct))?.BuildingId;
            }
            else if (string.IsNullOrEmpty(building)) return Problems.Field("unit", "unit or building is required.");
            else
            {
                // Unit ids start with their building's id ({building}-u{floor}{flat}).
                var prefix = building + "-u";
                households = [.. await session.Query<Household>().Where(h => h.UnitId.StartsWith(prefix)).OrderBy(h => h.UnitId).ToListAsync(ct)];
                buildingId = building;
            }
            var compound = buildingId is null ? "" : (await session.LoadAsync<Building>(buildingId, ct))?.CompoundId ?? "";
            var clearance = Clearances.OnRegistry(await Viewers.ForAsync(http.User, session, ct), compound);
            if (PersonalDataReads.ShowsPersonalData(households, clearance))
                await PersonalDataReads.RecordAsync(store, Policies.Actor(http.User), null, $"households of {unit ?? building}", clearance, clock.GetUtcNow(), ct);
            return Results.Ok(households.Select(h => Redaction.ToJson(h, clearance)));
        }).RequireAuthorization(Policies.CaseWorker);
}
