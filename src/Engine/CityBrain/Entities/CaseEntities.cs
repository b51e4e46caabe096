using System.Text.Json.Nodes;
using Cerebellum.Engine.Cases;
using Cerebellum.Rules;

namespace Cerebellum.Engine.CityBrain.Entities;

/// <summary>Pure mapping of a <see cref="FeedCase"/> to a Smart Data Models entity: <c>Alert</c> for
/// device-triggered cases, <c>IssueReporting</c> for complaints (docs/city-brain-feed.md lists every field).</summary>
public static class CaseEntities
{
    public static string AlertId(string opaqueId) => $"urn:ngsi-ld:Alert:{opaqueId}";
    public static string IssueId(string opaqueId) => $"urn:ngsi-ld:IssueReporting:{opaqueId}";

    public static string IdOf(FeedCase c) => c.ItemType == "complaint" ? IssueId(c.OpaqueId) : AlertId(c.OpaqueId);

    public static JsonObject ToEntity(FeedCase c, string dataProvider) =>
        c.ItemType == "complaint" ? Issue(c, dataProvider) : Alert(c, dataProvider);

    private static JsonObject Alert(FeedCase c, string dataProvider)
    {
        var e = NgsiLd.Entity(AlertId(c.OpaqueId), "Alert", NgsiLd.AlertContext);
        e["category"] = NgsiLd.Property(AlertCategory(c.Category));
        e["subCategory"] = NgsiLd.Property(Ours(c.Category));
        e["severity"] = NgsiLd.Property(Severity(c.Level));
        e["alertSource"] = NgsiLd.Relationship($"urn:ngsi-ld:Cerebellum:{dataProvider}");
        e["dateIssued"] = NgsiLd.DateTime(c.OpenedAt);
        e["validFrom"] = NgsiLd.DateTime(c.OpenedAt);
        if (c.EndedAt is { } ended) e["validTo"] = NgsiLd.DateTime(ended);
        Common(e, c, dataProvider);
        return e;
    }

    private static JsonObject Issue(FeedCase c, string dataProvider)
    {
        var e = NgsiLd.Entity(IssueId(c.OpaqueId), "IssueReporting", NgsiLd.IssueTrackingContext);
        e["category"] = NgsiLd.Property(Ours(c.Category));
        e["subCategory"] = NgsiLd.Property(c.Kind);
        e["resolutionStatus"] = NgsiLd.Property(ResolutionStatus(c.Status));
        e["observationDateTime"] = NgsiLd.DateTime(c.OpenedAt);
        e["severity"] = NgsiLd.Property(Severity(c.Level));
        Common(e, c, dataProvider);
        return e;
    }

    private static void Common(JsonObject e, FeedCase c, string dataProvider)
    {
        e["dataProvider"] = NgsiLd.Property(dataProvider);
        e["dateModified"] = NgsiLd.DateTime(c.ModifiedAt);
        e["caseStatus"] = NgsiLd.Property(Status(c.Status));
        e["sequence"] = NgsiLd.Property(c.Sequence);
        if (c.Place is { } place)
        {
            e["address"] = NgsiLd.Property(new JsonObject
            {
                ["addressCountry"] = "CN",
                ["streetAddress"] = $"{place.CompoundName} {place.BuildingName}".Trim(),
            });
            e["refBuilding"] = NgsiLd.Relationship(NgsiLd.BuildingUrn(place.BuildingId));
        }
    }

    /// <summary>Our category as sent: the rule pack's category, or "unassessed" before (or without) an assessment.</summary>
    public static string Ours(string category) => category == "" ? "unassessed" : category;

    /// <summary>The Alert model's closed list of categories; ours go in subCategory.</summary>
    public static string AlertCategory(string category) => category switch
    {
        "health" or "elderly-care" => "health",
        "flood" or "sanitation" => "environment",
        _ => "security",
    };

    /// <summary>The four-colour scale on the Alert model's severity list; "informational" until assessed.</summary>
    public static string Severity(RiskLevel? level) => level switch
    {
        RiskLevel.Red => "critical",
        RiskLevel.Orange => "high",
        RiskLevel.Yellow => "medium",
        RiskLevel.Blue => "low",
        _ => "informational",
    };

    public static string ResolutionStatus(CaseStatus status) => status switch
    {
        CaseStatus.Open or CaseStatus.Assessed => "Open",
        CaseStatus.Dispatched or CaseStatus.Reopened => "Assigned",
        CaseStatus.InProgress => "InProgress",
        _ => "Closed",
    };

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "inProgress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
