using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.ManualEntries;

namespace Cerebellum.Engine.Policies.RulePacks.BackTesting;

/// <summary>
/// Rebuilds the <see cref="IncomingItem"/> the intake assessed from the item's own event in the case stream. The
/// place is the one the case recorded (a registered device's own place still wins, as at intake); fields the
/// intake filled with a constant (a complaint's severity) are filled the same way.
/// </summary>
public static class HistoricalItem
{
    public static readonly Type[] EventTypes =
        [typeof(SignalAttached), typeof(ComplaintAttached), typeof(HealthReportAttached), typeof(ManualEntryAttached)];

    /// <summary>The item an attached event records, or null for any other event.</summary>
    public static IncomingItem? From(object attached, CaseLocation place)
    {
        var location = new ItemLocation(NullIfEmpty(place.Compound), NullIfEmpty(place.Building), NullIfEmpty(place.Unit),
            NullIfEmpty(place.Label));
        return attached switch
        {
            SignalAttached s => new IncomingItem(s.SignalId, "signal", s.Kind, s.Severity, s.OccurredAt, s.Source, s.DeviceId, "", location),
            ComplaintAttached c => new IncomingItem(c.ComplaintId, "complaint", c.Kind, ProcessComplaintHandler.Severity, c.RequestedAt, c.Channel, "", c.Description, location),
            HealthReportAttached h => new IncomingItem(h.ReportId, "health", h.Kind, h.Severity, h.OccurredAt, h.Station, "", "", location),
            ManualEntryAttached m => new IncomingItem(m.EntryId, "manual", m.Kind, m.Severity, m.OccurredAt, m.By, "", m.Description, location),
            _ => null,
        };
    }

    private static string? NullIfEmpty(string s) => s == "" ? null : s;
}
