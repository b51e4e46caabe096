using Cerebellum.Engine.Privacy;
using System.Text.RegularExpressions;
using Cerebellum.Engine.Cases.Opening;

namespace Cerebellum.Engine.Intake.HealthReports;

/// <summary>A report from the health station (社区卫生服务站). Subject and Details are sensitive personal
/// data (PIPL art. 28): by default only the health station sees them (DESIGN.md privacy model).</summary>
public sealed class HealthReportSubmission
{
    public string? ReportId { get; set; }
    public string? Kind { get; set; }
    public string? OccurredAt { get; set; }
    public int? Severity { get; set; }
    public ItemLocation? Location { get; set; }
    public string? Subject { get; set; }
    public string? Details { get; set; }
}

/// <summary>The sensitive part of a health report, kept apart so that it can be masked or erased as one.</summary>
public sealed record HealthDetails([property: Sensitive(MaskFormat.Name)] string Subject, [property: Sensitive] string Details);

/// <summary>A stored health report; Id is derived from (station, reportId), so a repeat is the same report.</summary>
public sealed record HealthReportRecord(
    [property: Public] Guid Id, [property: Public] string Station, [property: Internal] string ReportId, [property: Public] string Kind,
    [property: Public] int Severity, [property: Public] DateTimeOffset OccurredAt, [property: Public] ItemLocation Location,
    [property: Sensitive] HealthDetails Sensitive, [property: Public] DateTimeOffset ReceivedAt, [property: Public] Guid CaseId);

/// <summary>On the case stream: the report joined the case.</summary>
public sealed record HealthReportAttached(
    [property: Public] Guid CaseId, [property: Public] Guid ReportId, [property: Public] string Station, [property: Public] string Kind,
    [property: Public] int Severity, [property: Public] DateTimeOffset OccurredAt, [property: Sensitive] HealthDetails Sensitive,
    [property: Public] DateTimeOffset ReceivedAt);

public static partial class HealthReportValidation
{
    public static readonly string[] Kinds =
        ["fever", "fall", "abnormal-reading", "missed-check-in", "infectious-disease", "mental-health", "public-health-emergency"];

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex IdPattern();

    public static Dictionary<string, string[]> Validate(HealthReportSubmission r, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.ReportId) || !IdPattern().IsMatch(r.ReportId))
            errors["reportId"] = ["reportId is required: letters, digits and . _ : - only, at most 128."];
        if (r.Kind is null || !Kinds.Contains(r.Kind)) errors["kind"] = [$"kind is one of: {string.Join(", ", Kinds)}."];
        if (r.OccurredAt is null || Signals.SignalValidation.ParseOccurredAt(r.OccurredAt) is not { } at)
            errors["occurredAt"] = ["occurredAt must be ISO 8601 with an offset."];
        else if (Signals.SignalValidation.TimeProblem(at, now) is { } problem)
            errors["occurredAt"] = [problem];
        if (r.Severity is < 0 or > 5) errors["severity"] = ["severity is from 0 to 5."];
        if (r.Location?.Unit is null && r.Location?.Building is null)
            errors["location"] = ["A health report names at least the building, better the unit (location.unit)."];
        if (r.Subject is { Length: > 100 }) errors["subject"] = ["subject is at most 100 characters."];
        if (r.Details is { Length: > 4000 }) errors["details"] = ["details are at most 4,000 characters."];
        return errors;
    }
}
