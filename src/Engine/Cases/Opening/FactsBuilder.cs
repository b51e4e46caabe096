using Cerebellum.Rules;
using Cerebellum.Workflows;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Turns a signal, its registry context and the case so far into the typed facts a rule pack sees.</summary>
public static class FactsBuilder
{
    public static AssessmentFacts Build(
        IncomingItem item, Case? current, CaseContext context,
        (int Unit7, int Unit30, int Building7, int Building30) history, HolidayCalendar calendar, DateTimeOffset now)
    {
        var year = item.OccurredAt.ToOffset(TimeSpan.FromHours(8)).Year;
        var household = context.Household;
        var devices = current?.DeviceIds ?? [];
        return new AssessmentFacts(
            new TriggerFact
            {
                ItemType = item.ItemType, Kind = item.Kind, Severity = item.Severity, Source = item.Source,
                OccurredAt = item.OccurredAt, Text = item.Text,
            },
            new CaseFact
            {
                IsNew = current is null,
                ItemCount = (current?.ItemIds.Count ?? 0) + 1,
                SignalCount = (current?.SignalCount ?? 0) + (item.ItemType == "signal" ? 1 : 0),
                DistinctDevices = item.DeviceId == "" || devices.Contains(item.DeviceId) ? devices.Count : devices.Count + 1,
                AgeMinutes = current is null ? 0 : (now - current.OpenedAt).TotalMinutes,
                CurrentLevel = current?.Level?.ToString().ToLowerInvariant() ?? "",
            },
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
            context.Device is { } d
                ? new DeviceFact { Registered = true, Id = d.Id, Kind = d.Kind, Vendor = d.Vendor }
                : new DeviceFact { Id = item.DeviceId },
            new HistoryFact
            {
                UnitCases7Days = history.Unit7, UnitCases30Days = history.Unit30,
                BuildingCases7Days = history.Building7, BuildingCases30Days = history.Building30,
            },
            ClockFact.At(item.OccurredAt, calendar.IsWorkingDay, calendar.IsHoliday));
    }
}
