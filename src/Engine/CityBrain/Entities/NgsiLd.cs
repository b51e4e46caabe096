using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cerebellum.Engine.CityBrain.Entities;

/// <summary>Building blocks of NGSI-LD normalized entities (ETSI GS CIM 009): every attribute is a
/// Property, GeoProperty or Relationship object.</summary>
public static class NgsiLd
{
    public const string CoreContext = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld";
    public const string AlertContext = "https://raw.githubusercontent.com/smart-data-models/dataModel.Alert/master/context.jsonld";
    public const string IssueTrackingContext =
        "https://raw.githubusercontent.com/smart-data-models/dataModel.IssueTracking/master/context.jsonld";
    public const string KpiContext =
        "https://raw.githubusercontent.com/smart-data-models/dataModel.KeyPerformanceIndicator/master/context.jsonld";

    // Chinese place names and "<5" go out as written, not as \uXXXX escapes (the body is JSON, never HTML).
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonObject entity) => entity.ToJsonString(Output);

    public static JsonObject Entity(string id, string type, string context) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["@context"] = new JsonArray(context, CoreContext),
    };

    public static JsonObject Property(JsonNode? value) => new() { ["type"] = "Property", ["value"] = value };

    /// <summary>A DateTime property: JSON-LD typed value, UTC, to the minute (seconds add nothing the City Brain
    /// needs and make a case easier to match with an outside observation).</summary>
    public static JsonObject DateTime(DateTimeOffset at) =>
        Property(new JsonObject { ["@type"] = "DateTime", ["@value"] = Minute(at) });

    public static JsonObject Relationship(string target) => new() { ["type"] = "Relationship", ["object"] = target };

    public static string Minute(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero)
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    public static string BuildingUrn(string buildingId) => $"urn:ngsi-ld:Building:{buildingId}";
}
