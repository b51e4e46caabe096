using Cerebellum.Rules;
using static Cerebellum.Workflows.Tests.Time;

namespace Cerebellum.Workflows.Tests;

/// <summary>
/// What each sample definition issues for the cases the sample rule pack produces: which parties
/// at which level, and when each task falls due. The instants are chosen around National Day 2026
/// (1-7 October off; Saturday 10 October a make-up working day), where minute, calendar-day and
/// working-day SLAs come apart.
/// </summary>
public class SampleRoutingTests
{
    private static readonly HolidayCalendar China = SampleFiles.China();

    // Wednesday 30 September 2026, 16:00 Beijing: the last working day before the holiday.
    private static readonly DateTimeOffset EveOfNationalDay = At(2026, 9, 30, 16);

    // Saturday 3 October 2026, 03:00 Beijing: a holiday night.
    private static readonly DateTimeOffset HolidayNight = At(2026, 10, 3, 3);

    private static IReadOnlyList<(string Key, DateTimeOffset DueAt)> Route(
        string definition, RiskLevel level, string category, DateTimeOffset now, params Party[] parties) =>
        [.. Router.Dispatch(SampleFiles.Definition(definition), new RoutingInput(level, category, parties), now, China)
            .Select(t => (t.TaskKey, t.DueAt))];

    [Fact]
    public void Fire_red_smoke_at_an_elderly_persons_flat_on_a_holiday_night_calls_everyone_within_minutes()
    {
        Route("emergency-dispatch", RiskLevel.Red, "fire", HolidayNight, Party.Police, Party.Property, Party.Street, Party.Health)
            .ShouldBe([
                ("property", At(2026, 10, 3, 3, 10)), ("police", At(2026, 10, 3, 3, 10)), ("health", At(2026, 10, 3, 3, 15)),
                ("resident", At(2026, 10, 3, 3, 5)), ("street", At(2026, 10, 3, 3, 30)),
            ]);
    }

    [Fact]
    public void Fire_a_blocked_fire_lane_at_yellow_is_the_property_companys_in_hours_and_the_street_offices_after_the_holiday()
    {
        Route("emergency-dispatch", RiskLevel.Yellow, "fire", EveOfNationalDay, Party.Property, Party.Police)
            .ShouldBe([("property", At(2026, 9, 30, 18)), ("street", At(2026, 10, 8, 16))]);
    }

    [Fact]
    public void Gas_at_orange_brings_the_police_but_not_the_household_task()
    {
        Route("emergency-dispatch", RiskLevel.Orange, "gas", HolidayNight, Party.Police, Party.Property, Party.Street)
            .ShouldBe([("property", At(2026, 10, 3, 3, 15)), ("police", At(2026, 10, 3, 3, 30)), ("street", At(2026, 10, 3, 4))]);
    }

    [Fact]
    public void Care_a_fall_of_an_elderly_person_living_alone_sends_the_health_station_and_the_grid_worker()
    {
        Route("care-and-health", RiskLevel.Orange, "elderly-care", HolidayNight, Party.Street, Party.Health)
            .ShouldBe([("health", At(2026, 10, 3, 3, 30)), ("street", At(2026, 10, 3, 4))]);
    }

    [Fact]
    public void Care_prolonged_inactivity_at_red_adds_property_to_open_the_door_and_police_for_forced_entry()
    {
        Route("care-and-health", RiskLevel.Red, "elderly-care", HolidayNight, Party.Police, Party.Property, Party.Street, Party.Health)
            .Select(t => t.Key).ShouldBe(["health", "street", "property", "police"]);
    }

    [Fact]
    public void Health_a_blue_report_waits_for_the_first_working_day_after_national_day()
    {
        Route("care-and-health", RiskLevel.Blue, "health", EveOfNationalDay, Party.Health)
            .ShouldBe([("health", At(2026, 10, 8, 16)), ("street", At(2026, 10, 8, 16))]);
    }

    [Fact]
    public void Security_a_forced_door_at_yellow_is_checked_by_the_guards_within_half_an_hour_even_on_a_holiday()
    {
        Route("security-dispatch", RiskLevel.Yellow, "security", HolidayNight, Party.Property)
            .ShouldBe([("property", At(2026, 10, 3, 3, 30))]);
    }

    [Fact]
    public void Security_an_intrusion_at_night_brings_the_police_within_15_minutes()
    {
        Route("security-dispatch", RiskLevel.Orange, "security", HolidayNight, Party.Police, Party.Property)
            .ShouldBe([("property", At(2026, 10, 3, 3, 15)), ("police", At(2026, 10, 3, 3, 15))]);
    }

    [Fact]
    public void Security_a_door_held_open_is_never_a_police_matter()
    {
        Route("security-dispatch", RiskLevel.Blue, "security", HolidayNight, Party.Property, Party.Police)
            .ShouldBe([("property", At(2026, 10, 3, 7))]);
    }

    [Fact]
    public void Public_safety_a_reported_hazard_gives_the_street_office_one_working_day_over_the_holiday()
    {
        Route("security-dispatch", RiskLevel.Yellow, "public-safety", EveOfNationalDay, Party.Property, Party.Street)
            .ShouldBe([("property", At(2026, 9, 30, 16, 30)), ("street", At(2026, 10, 8, 16))]);
    }

    [Fact]
    public void Facilities_a_lift_entrapment_is_reached_within_30_minutes()
    {
        Route("facilities-repair", RiskLevel.Orange, "facility", HolidayNight, Party.Police, Party.Property, Party.Street)
            .ShouldBe([("property", At(2026, 10, 3, 3, 30)), ("police", At(2026, 10, 3, 3, 30)), ("street", At(2026, 10, 3, 4))]);
    }

    [Fact]
    public void Facilities_a_long_entrapment_at_red_calls_the_health_station_too()
    {
        Route("facilities-repair", RiskLevel.Red, "facility", HolidayNight, Party.Police, Party.Property, Party.Street, Party.Health)
            .ShouldBe([
                ("property", At(2026, 10, 3, 3, 15)), ("police", At(2026, 10, 3, 3, 15)), ("health", At(2026, 10, 3, 3, 15)),
                ("street", At(2026, 10, 3, 3, 30)),
            ]);
    }

    [Fact]
    public void Facilities_a_leak_must_be_stopped_within_2_hours_and_a_repair_complaint_lands_on_the_make_up_saturday()
    {
        Route("facilities-repair", RiskLevel.Yellow, "flood", HolidayNight, Party.Property)
            .ShouldBe([("property", At(2026, 10, 3, 5))]);
        // 3 working days from 30 September: 8 and 9 October, then Saturday 10 October (调休 make-up day).
        Route("facilities-repair", RiskLevel.Blue, "facility", EveOfNationalDay, Party.Property)
            .ShouldBe([("property", At(2026, 10, 10, 16))]);
    }

    [Fact]
    public void Sanitation_an_overflowing_bin_is_cleared_next_day_even_on_a_holiday()
    {
        // 1d is a calendar day: bins do not wait for National Day to end.
        Route("environment-sanitation", RiskLevel.Blue, "sanitation", EveOfNationalDay, Party.Property)
            .ShouldBe([("property", At(2026, 10, 1, 16))]);
        Route("environment-sanitation", RiskLevel.Yellow, "sanitation", EveOfNationalDay, Party.Property, Party.Street)
            .ShouldBe([("property", At(2026, 9, 30, 20)), ("street", At(2026, 10, 8, 16))]);
    }

    [Fact]
    public void Neighbourhood_noise_at_night_brings_the_community_police_officer_within_the_hour()
    {
        Route("neighbourhood-mediation", RiskLevel.Yellow, "neighbourhood", HolidayNight, Party.Police, Party.Property)
            .ShouldBe([("property", At(2026, 10, 3, 5)), ("police", At(2026, 10, 3, 4))]);
    }

    [Fact]
    public void Neighbourhood_a_blue_dispute_is_mediated_by_the_street_office_in_working_days_and_never_by_the_police()
    {
        Route("neighbourhood-mediation", RiskLevel.Blue, "neighbourhood", EveOfNationalDay, Party.Street, Party.Police)
            .ShouldBe([("street", At(2026, 10, 10, 16))]);
    }

    [Fact]
    public void General_cases_go_to_the_fallback_and_the_street_office_gets_two_working_days()
    {
        var definition = new RoutingCatalog(SampleFiles.AllDefinitions()).Select("general");
        definition.Id.ShouldBe("community-dispatch");
        Route("community-dispatch", RiskLevel.Yellow, "general", EveOfNationalDay, Party.Street)
            .ShouldBe([("street", At(2026, 10, 9, 16))]);
    }

    [Fact]
    public void Every_sample_escalation_starts_at_the_breach_with_the_street_supervisor_and_ends_at_the_district()
    {
        foreach (var definition in SampleFiles.AllDefinitions())
        {
            definition.Escalation[0].After.ShouldBe(TimeSpan.Zero, definition.ToString());
            definition.Escalation[0].To.ShouldBe("street-supervisor", definition.ToString());
            definition.Escalation[^1].To.ShouldBe("district-supervisor", definition.ToString());
        }
    }
}
