using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Rules;

namespace Cerebellum.Engine.CityBrain.Entities;

/// <summary>A registered building as the feed may name it: public reference data only (DESIGN.md privacy
/// model: building-level location is public).</summary>
public sealed record FeedPlace(string BuildingId, string CompoundName, string BuildingName);

/// <summary>Everything the City Brain may learn about one case, and nothing else: the allow-list every
/// payload is built from. No names, phones, units, households, devices, free text or our case id.</summary>
public sealed record FeedCase(
    string OpaqueId, long Sequence, string ItemType, string Kind, string Category, RiskLevel? Level, CaseStatus Status,
    DateTimeOffset OpenedAt, DateTimeOffset ModifiedAt, DateTimeOffset? EndedAt, FeedPlace? Place)
{
    /// <summary>Only device alerts and residents' complaints go out one by one. Health reports are sensitive
    /// (PIPL art. 28) and manual entries may be about anything: both appear only in suppressed aggregates.</summary>
    public static bool IsShared(string itemType) => itemType is "signal" or "complaint";

    public static FeedCase From(CaseSummary s, OpaqueIds ids, FeedPlace? place) => new(
        ids.For(s.Id), s.Version, s.ItemType, s.Kind, s.Category, s.Level, s.Status, s.OpenedAt, s.LastActivityAt,
        EndOf(s), place);

    private static DateTimeOffset? EndOf(CaseSummary s) => s.Status switch
    {
        CaseStatus.Closed => s.ClosedAt ?? s.LastActivityAt,
        CaseStatus.Resolved => s.ResolvedAt ?? s.LastActivityAt,
        CaseStatus.Cancelled or CaseStatus.Merged => s.LastActivityAt,
        _ => null,
    };
}
