using Cerebellum.Engine.Cases.Statistics;
using Marten;

namespace Cerebellum.Portal.Api.Statistics;

/// <summary>GET /api/v1/statistics/buildings[?compound=cy1]: case counts per building (total, active,
/// overdue, per level, last 7 and 30 days, per category).</summary>
public static class GetBuildingStatistics
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/v1/statistics/buildings",
        async (string? compound, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(new { buildings = await BuildingStatisticsQuery.ForCompoundAsync(store, compound, clock.GetUtcNow(), ct) }))
        .RequireAuthorization();
}
