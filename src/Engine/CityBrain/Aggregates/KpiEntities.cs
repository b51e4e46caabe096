using System.Globalization;
using System.Text.Json.Nodes;
using Cerebellum.Engine.CityBrain.Entities;

namespace Cerebellum.Engine.CityBrain.Aggregates;

/// <summary>Pure mapping of an hourly cell to a Smart Data Models <c>KeyPerformanceIndicator</c> entity.</summary>
public static class KpiEntities
{
    public static string IdOf(string dataProvider, DateTimeOffset hour, CellKey key) =>
        $"urn:ngsi-ld:KeyPerformanceIndicator:{dataProvider}:cases:{Hour(hour)}:{key.BuildingId}:{key.Source}:{key.Category}:{key.Level}";

    public static JsonObject ToEntity(string dataProvider, DateTimeOffset hour, Cell cell, FeedPlace? place)
    {
        var e = NgsiLd.Entity(IdOf(dataProvider, hour, cell.Key), "KeyPerformanceIndicator", NgsiLd.KpiContext);
        e["name"] = NgsiLd.Property("cases opened per building and hour");
        e["category"] = NgsiLd.Property(new JsonArray("quantitative"));
        e["calculationFrequency"] = NgsiLd.Property("hourly");
        e["calculationPeriod"] = NgsiLd.Property(new JsonObject
        {
            ["from"] = NgsiLd.Minute(hour),
            ["to"] = NgsiLd.Minute(hour.AddHours(1)),
        });
        e["kpiValue"] = NgsiLd.Property(cell.Count is { } count ? JsonValue.Create(count) : JsonValue.Create($"<{HourlyCells.Threshold}"));
        e["dataProvider"] = NgsiLd.Property(dataProvider);
        e["caseSource"] = NgsiLd.Property(cell.Key.Source);
        e["caseCategory"] = NgsiLd.Property(cell.Key.Category);
        e["riskLevel"] = NgsiLd.Property(cell.Key.Level);
        e["refBuilding"] = NgsiLd.Relationship(NgsiLd.BuildingUrn(cell.Key.BuildingId));
        if (place is not null)
            e["address"] = NgsiLd.Property(new JsonObject
            {
                ["addressCountry"] = "CN",
                ["streetAddress"] = $"{place.CompoundName} {place.BuildingName}".Trim(),
            });
        return e;
    }

    public static string Hour(DateTimeOffset hour) =>
        hour.ToUniversalTime().ToString("yyyy-MM-dd'T'HH'Z'", CultureInfo.InvariantCulture);
}
