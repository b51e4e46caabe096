using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Rules;
using Cerebellum.Workflows;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Turns a signal or a complaint, its registry context and the case so far into the typed facts a rule pack sees.</summary>
public static class FactsBuilder
{
    public static AssessmentFacts Build(
        SignalRecord signal, Case? current, CaseContext context,
        (int Unit7, int Unit30, int Building7, int Building30) history, HolidayCalendar calendar, DateTimeOffset now)
    {
        var devices = current?.DeviceIds ?? [];
        return Build(
            new TriggerFact
            {
                ItemType = "signal", Kind = signal.Kind, Severity = signal.Severity, Source = signal.Source,
                OccurredAt = signal.OccurredAt,
            },
            CaseSoFar(current, now, signalsAdded: 1,
                distinctDevices: devices.Contains(signal.DeviceId) ? devices.Count : devices.Count + 1),
            context.Device is { } d
                ? new DeviceFact { Registered = true, Id = d.Id, Kind = d.Kind, Vendor = d.Vendor }
                : new DeviceFact { Id = signal.DeviceId },
            context, history, calendar, signal.OccurredAt);
    }

    public static AssessmentFacts Build(
        ComplaintRecord complaint, Case? current, CaseContext context,
        (int Unit7, int Unit30, int Building7, int Building30) history, HolidayCalendar calendar, DateTimeOffset now) =>
        Build(
            new TriggerFact
            {
                ItemType = "complaint", Kind = complaint.Kind, Source = complaint.Channel,
                OccurredAt = complaint.RequestedAt, Text = complaint.Description,
            },
            CaseSoFar(current, now, signalsAdded: 0, distinctDevices: current?.DeviceIds.Count ?? 0),
            new DeviceFact { Id = complaint.DeviceId ?? "" },
            context, history, calendar, complaint.RequestedAt);

    private static CaseFact CaseSoFar(Case? current, DateTimeOffset now, int signalsAdded, int distinctDevices) => new()
    {
        IsNew = current is null,
        ItemCount = (current?.SignalCount ?? 0) + (current?.ComplaintCount ?? 0) + 1,
        SignalCount = (current?.SignalCount ?? 0) + signalsAdded,
        DistinctDevices = distinctDevices,
        AgeMinutes = current is null ? 0 : (now - current.OpenedAt).TotalMinutes,
        CurrentLevel = current?.Level?.ToString().ToLowerInvariant() ?? "",
    };

    private static AssessmentFacts Build(
        TriggerFact trigger, CaseFact caseFact, DeviceFact device, CaseContext context,
        (int Unit7, int Unit30, int Building7, int Building30) history, HolidayCalendar calendar, DateTimeOffset occurredAt)
    {
        var year = occurredAt.ToOffset(TimeSpan.FromHours(8)).Year;
        var household = context.Household;
        return new AssessmentFacts(
            trigger,
            caseFact,
            new LocationFact
            {
                Known = context.Location.Compound != "",
                Community = context.Location.Community, Compound = context.Location.Compound,
                Building = context.Location.Building, Unit = context.Location.Unit, Floor = context.Floor,
                IsCommonArea = context.Location.Unit == "",
            },
            household is null
                ? new HouseholdFact()
                : new HouseholdFact
                {
                    Known = true, Size = household.Members.Count,
                    ElderlyLivingAlone = household.ElderlyLivingAlone(year), EldestAge = household.EldestAge(year),
                    HasDisability = household.Members.Any(m => m.Disability),
                    HasMinors = household.HasMinors(year), HasInfants = household.HasInfants(year),
                    CareGroup = household.CareGroup,
                },
            device,
            new HistoryFact
            {
                UnitCases7Days = history.Unit7, UnitCases30Days = history.Unit30,
                BuildingCases7Days = history.Building7, BuildingCases30Days = history.Building30,
            },
            ClockFact.At(occurredAt, calendar.IsWorkingDay, calendar.IsHoliday));
    }
}
