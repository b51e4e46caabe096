using System.Text.Json.Nodes;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.CityBrain;
using Cerebellum.Engine.CityBrain.Aggregates;
using Cerebellum.Rules;
using Marten;
using Microsoft.Extensions.Options;

namespace Cerebellum.Engine.Tests.CityBrain;

/// <summary>Hourly counts per building, source, category and level, with small counts suppressed, published once
/// per hour across nodes and caught up after an outage. Hours lie in the future of everything published so far,
/// so the tests neither depend on the wall clock nor on each other.</summary>
[Collection(nameof(CityBrainCollection))]
public sealed class HourlyAggregateTests(CityBrainFixture fixture)
{
    private HourlyAggregateJob Job => fixture.Service<HourlyAggregateJob>();
    private TimeSpan Grace => fixture.Service<IOptions<CityBrainOptions>>().Value.AggregateGrace;

    private async Task<DateTimeOffset> FreshHourAsync(int hoursAhead)
    {
        await using var query = fixture.Store.QuerySession();
        var latest = (await query.Query<PublishedHour>().OrderByDescending(h => h.HourStart).Take(1).ToListAsync())
            .FirstOrDefault()?.HourStart ?? HourlyAggregateJob.HourOf(DateTimeOffset.UtcNow);
        var now = HourlyAggregateJob.HourOf(DateTimeOffset.UtcNow);
        return (latest > now ? latest : now).AddHours(hoursAhead);
    }

    private async Task<List<Guid>> OpenAsync(DateTimeOffset at, string buildingId, string itemType, string category, RiskLevel level, int count)
    {
        var building = fixture.Community.Buildings.SingleOrDefault(b => b.Id == buildingId);
        var location = new CaseLocation("cuiyuan", building?.CompoundId ?? "", buildingId, "", buildingId, buildingId);
        var ids = new List<Guid>();
        await using var session = fixture.Store.LightweightSession();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            session.Events.StartStream(id, new CaseOpened(id, $"test:{id}", itemType, "test-kind", location, at.AddMinutes(i)),
                new RiskAssessed(id, level, category, [Party.Street], "test-pack", 1, [], [], at.AddMinutes(i)));
            ids.Add(id);
        }
        await session.SaveChangesAsync();
        return ids;
    }

    private static string KpiId(DateTimeOffset hour, string building, string source, string category, string level) =>
        KpiEntities.IdOf("cuiyuan", hour, new CellKey(building, source, category, level));

    private async Task<Dictionary<string, JsonObject>> ArrivedAsync(DateTimeOffset hour, int expected)
    {
        var prefix = $"urn:ngsi-ld:KeyPerformanceIndicator:cuiyuan:cases:{KpiEntities.Hour(hour)}:";
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(100))
        {
            var arrived = fixture.Receiver.Entities.Where(e => e["id"]!.GetValue<string>().StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(e => e["id"]!.GetValue<string>());
            if (arrived.Count >= expected) return arrived;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{arrived.Count} of {expected} cells of {hour:O} arrived");
        }
    }

    [Fact]
    public async Task Cells_under_five_are_sent_as_less_than_five_and_no_total_is_published()
    {
        var hour = await FreshHourAsync(3);
        await OpenAsync(hour, "cy1-b1", "signal", "fire", RiskLevel.Red, 6);
        var merged = await OpenAsync(hour, "cy1-b1", "signal", "fire", RiskLevel.Red, 1);
        await OpenAsync(hour, "cy1-b1", "signal", "fire", RiskLevel.Orange, 3);
        await OpenAsync(hour, "cy1-b1", "health", "elderly-care", RiskLevel.Yellow, 2);
        await OpenAsync(hour, "cy1-b1", "signal", "elderly-care", RiskLevel.Yellow, 5);
        await OpenAsync(hour, "cy2-b3", "complaint", "neighbourhood", RiskLevel.Yellow, 4);
        await OpenAsync(hour, "cy2-b3", "complaint", "sanitation", RiskLevel.Blue, 5);
        await OpenAsync(hour, "not-registered-b9", "signal", "fire", RiskLevel.Red, 5);
        await OpenAsync(hour.AddHours(1), "cy1-b1", "signal", "fire", RiskLevel.Red, 2);
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append(merged[0], new CaseMergedInto(merged[0], Guid.NewGuid(), "street1", hour.AddMinutes(30)));
            await session.SaveChangesAsync();
        }

        var published = await Job.RunDueAsync(hour.AddHours(1) + Grace, default);
        published.ShouldContain(hour);
        published.ShouldNotContain(hour.AddHours(1));

        var cells = await ArrivedAsync(hour, 6);
        cells.Count.ShouldBe(6);
        string Value(string id) => Feed.Value(cells[id], "kpiValue");
        Value(KpiId(hour, "cy1-b1", "device", "fire", "red")).ShouldBe("6"); // a merged case lives on in its target: not counted again
        Value(KpiId(hour, "cy1-b1", "device", "fire", "orange")).ShouldBe("<5");
        Value(KpiId(hour, "cy1-b1", "health", "elderly-care", "yellow")).ShouldBe("<5");
        Value(KpiId(hour, "cy1-b1", "device", "elderly-care", "yellow")).ShouldBe("5");
        Value(KpiId(hour, "cy2-b3", "complaint", "neighbourhood", "yellow")).ShouldBe("<5");
        Value(KpiId(hour, "cy2-b3", "complaint", "sanitation", "blue")).ShouldBe("5");

        var one = cells[KpiId(hour, "cy1-b1", "device", "fire", "red")];
        one["type"]!.GetValue<string>().ShouldBe("KeyPerformanceIndicator");
        one["calculationPeriod"]!["value"]!["from"]!.GetValue<string>().ShouldBe(hour.UtcDateTime.ToString("yyyy-MM-dd'T'HH:00:00'Z'"));
        one["refBuilding"]!["object"]!.GetValue<string>().ShouldBe("urn:ngsi-ld:Building:cy1-b1");
        // Only cells: no entity or attribute sums cells up, so "<5" cannot be worked out by subtraction.
        var bodies = string.Join("\n", fixture.Receiver.Requests.Where(r => r.Body.Contains(KpiEntities.Hour(hour))).Select(r => r.Body));
        bodies.ShouldNotContain("total", Shouldly.Case.Insensitive);
        bodies.ShouldContain("\"<5\"");
        bodies.ShouldNotContain("not-registered-b9");

        await using var query = fixture.Store.QuerySession();
        var record = (await query.LoadAsync<PublishedHour>(KpiEntities.Hour(hour)))!;
        record.Cells.Count.ShouldBe(6);
        record.Cells.Count(c => c.Count is null).ShouldBe(3);
    }

    [Fact]
    public async Task Two_nodes_publish_each_hour_once_and_missed_hours_are_caught_up_in_order()
    {
        var hour = await FreshHourAsync(2);
        var runs = await Task.WhenAll(
            Job.RunDueAsync(hour.AddHours(1) + Grace, default),
            Job.RunDueAsync(hour.AddHours(1) + Grace, default));
        var both = runs[0].Concat(runs[1]).ToList();
        both.ShouldContain(hour);
        both.Distinct().Count().ShouldBe(both.Count, "an hour was published by both nodes");

        // Down for three hours; cases kept coming in the meantime.
        await OpenAsync(hour.AddHours(2), "cy1-b2", "signal", "gas", RiskLevel.Orange, 5);
        var caughtUp = await Job.RunDueAsync(hour.AddHours(4) + Grace, default);
        caughtUp.ShouldBe([hour.AddHours(1), hour.AddHours(2), hour.AddHours(3)]);
        (await Job.RunDueAsync(hour.AddHours(4) + Grace, default)).ShouldBeEmpty();

        var cells = await ArrivedAsync(hour.AddHours(2), 1);
        cells[KpiId(hour.AddHours(2), "cy1-b2", "device", "gas", "orange")]["kpiValue"]!["value"]!.GetValue<int>().ShouldBe(5);
        await using var query = fixture.Store.QuerySession();
        var hours = await query.Query<PublishedHour>().Where(h => h.HourStart >= hour && h.HourStart <= hour.AddHours(3)).ToListAsync();
        hours.Select(h => h.HourStart).OrderBy(h => h).ShouldBe([hour, hour.AddHours(1), hour.AddHours(2), hour.AddHours(3)]);
    }
}
