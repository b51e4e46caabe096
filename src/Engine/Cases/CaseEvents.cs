using Cerebellum.Rules;

namespace Cerebellum.Engine.Cases;

// The events of a case stream. Every arrow of the flow in DESIGN.md is one of these; the case
// can be rebuilt from them alone.

/// <summary>Where a case happened, at the finest grain known. Building level is public; the unit is internal.</summary>
public sealed record CaseLocation(
    string Community, string Compound, string Building, string Unit, string BuildingLabel, string Label);

public sealed record CaseOpened(
    Guid CaseId, string CorrelationKey, string ItemType, string Kind, CaseLocation Location, DateTimeOffset OpenedAt);

public sealed record SignalAttached(
    Guid CaseId, Guid SignalId, string Source, string MessageId, string DeviceId, string Kind, int Severity,
    DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt);

/// <summary>A resident's complaint (Open311 service request) joined the case. Contact details are personal
/// data and stay in the <c>ComplaintRecord</c> document, out of the event stream; the description is
/// internal case text.</summary>
public sealed record ComplaintAttached(
    Guid CaseId, Guid ComplaintId, string ServiceCode, string Kind, string Description, string Channel,
    DateTimeOffset RequestedAt);

public sealed record RiskAssessed(
    Guid CaseId, RiskLevel Level, string Category, IReadOnlyList<Party> Parties, string PackId, int PackVersion,
    IReadOnlyList<string> FiredRuleIds, IReadOnlyList<string> Reasons, DateTimeOffset AssessedAt, string FactsDigest = "");

/// <summary>The rule pack threw on this case's item (a rule's condition failed, e.g. division by zero). The case
/// went to the street office for manual triage; <see cref="RuleId"/> is null when the failing rule is unknown.</summary>
public sealed record AssessmentFailed(
    Guid CaseId, string PackId, int PackVersion, string? RuleId, string Message, DateTimeOffset At);

public sealed record TaskAssigned(
    Guid CaseId, string TaskKey, Party Party, string? OfficeId, string OfficeName, DateTimeOffset DueAt, string Sla,
    string WorkflowId, int WorkflowVersion, DateTimeOffset AssignedAt);
