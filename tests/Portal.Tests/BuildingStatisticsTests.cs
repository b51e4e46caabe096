using System.Text.Json;
using Alba;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Testing;

namespace Cerebellum.Portal.Tests;

[Collection(nameof(PortalCollection))]
public sealed class BuildingStatisticsTests(PortalFixture fixture)
{
    [Fact]
    public async Task Statistics_count_the_cases_of_each_building_by_level_and_category()
    {
        var cookie = await fixture.SignInAsync("supervisor1", "supervisor-demo");
        var building = fixture.Community.Buildings.First(b => b.CompoundId == "cy3").Id;
        var before = await StatsAsync(cookie, building);

        // Two water leaks in different flats of one building: two cases (water leaks correlate per unit).
        var units = fixture.Community.Units.Where(u => u.BuildingId == building).Take(2).ToList();
        foreach (var unit in units)
        {
            var messageId = "stats-" + Guid.NewGuid();
            await fixture.Host.Scenario(s =>
            {
                s.Post.Json(new
                {
                    source = "gw-stats", messageId, deviceId = $"dev-stats-{unit.Id}", kind = "water-leak",
                    occurredAt = TestTimes.Iso(DateTimeOffset.UtcNow.AddMinutes(-5)), severity = 2, location = new { unit = unit.Id },
                }).ToUrl("/api/v1/signals");
                s.WithRequestHeader("X-Api-Key", fixture.KeyFor("gw-stats"));
                s.StatusCodeShouldBe(202);
            });
            await fixture.WaitForCaseAsync(SignalRecord.IdFor("gw-stats", messageId));
        }

        var after = await StatsAsync(cookie, building);
        Count(after, "total").ShouldBe(Count(before, "total") + 2);
        Count(after, "active").ShouldBe(Count(before, "active") + 2);
        Count(after, "last7Days").ShouldBe(Count(before, "last7Days") + 2);
        CategoryCount(after, "flood").ShouldBe(CategoryCount(before, "flood") + 2);
        (Count(after, "red") + Count(after, "orange") + Count(after, "yellow") + Count(after, "blue"))
            .ShouldBe(Count(before, "red") + Count(before, "orange") + Count(before, "yellow") + Count(before, "blue") + 2);
    }

    private async Task<JsonElement?> StatsAsync(string cookie, string building)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/v1/statistics/buildings?compound=cy3");
            s.WithRequestHeader("Cookie", cookie);
        });
        var all = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("buildings");
        all.EnumerateArray().ShouldAllBe(b => b.GetProperty("buildingId").GetString()!.StartsWith("cy3-"));
        return all.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(b => b!.Value.GetProperty("buildingId").GetString() == building);
    }

    private static int Count(JsonElement? stats, string name) => stats?.GetProperty(name).GetInt32() ?? 0;

    private static int CategoryCount(JsonElement? stats, string category) =>
        stats is { } s && s.GetProperty("byCategory").TryGetProperty(category, out var n) ? n.GetInt32() : 0;
}
