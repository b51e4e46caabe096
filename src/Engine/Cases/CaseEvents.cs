using Cerebellum.Engine.Privacy;
using Cerebellum.Rules;

namespace Cerebellum.Engine.Cases;

// The events of a case stream. Every arrow of the flow in DESIGN.md is one of these; the case
// can be rebuilt from them alone.

/// <summary>Where a case happened, at the finest grain known. Building level is public; the unit is internal.</summary>
public sealed record CaseLocation(
    [property: Public] string Community, [property: Public] string Compound, [property: Public] string Building,
    [property: Internal(MaskFormat.Unit)] string Unit, [property: Public] string BuildingLabel,
    [property: Internal(MaskFormat.Unit)] string Label);

public sealed record CaseOpened(
    [property: Public] Guid CaseId, [property: Internal(MaskFormat.Unit)] string CorrelationKey, [property: Public] string ItemType,
    [property: Public] string Kind, [property: Public] CaseLocation Location, [property: Public] DateTimeOffset OpenedAt);

public sealed record SignalAttached(
    [property: Public] Guid CaseId, [property: Public] Guid SignalId, [property: Internal] string Source,
    [property: Internal] string MessageId, [property: Internal(MaskFormat.Unit)] string DeviceId, [property: Public] string Kind,
    [property: Public] int Severity, [property: Public] DateTimeOffset OccurredAt, [property: Public] DateTimeOffset ReceivedAt);

/// <summary>A resident's complaint (Open311 service request) joined the case. Contact details are personal
/// data and stay in the <c>ComplaintRecord</c> document, out of the event stream; the description is
/// internal case text.</summary>
public sealed record ComplaintAttached(
    [property: Public] Guid CaseId, [property: Public] Guid ComplaintId, [property: Public] string ServiceCode,
    [property: Public] string Kind, [property: Internal(MaskFormat.FreeText)] string Description, [property: Internal] string Channel,
    [property: Public] DateTimeOffset RequestedAt);

public sealed record RiskAssessed(
    [property: Public] Guid CaseId, [property: Public] RiskLevel Level, [property: Public] string Category,
    [property: Public] IReadOnlyList<Party> Parties, [property: Public] string PackId, [property: Public] int PackVersion,
    [property: Public] IReadOnlyList<string> FiredRuleIds, [property: Internal] IReadOnlyList<string> Reasons,
    [property: Public] DateTimeOffset AssessedAt, [property: Internal] string FactsDigest = "");

/// <summary>The rule pack threw on this case's item (a rule's condition failed, e.g. division by zero). The case
/// went to the street office for manual triage; <see cref="RuleId"/> is null when the failing rule is unknown.</summary>
public sealed record AssessmentFailed(
    [property: Public] Guid CaseId, [property: Public] string PackId, [property: Public] int PackVersion,
    [property: Public] string? RuleId, [property: Internal] string Message, [property: Public] DateTimeOffset At);

public sealed record TaskAssigned(
    [property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Public] Party Party, [property: Public] string? OfficeId,
    [property: Public] string OfficeName, [property: Public] DateTimeOffset DueAt, [property: Public] string Sla,
    [property: Public] string WorkflowId, [property: Public] int WorkflowVersion, [property: Public] DateTimeOffset AssignedAt);
