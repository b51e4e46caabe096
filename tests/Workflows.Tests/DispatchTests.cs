using Cerebellum.Rules;
using static Cerebellum.Workflows.Tests.Time;

namespace Cerebellum.Workflows.Tests;

public class DispatchTests
{
    private static readonly RoutingDefinition Emergency = SampleFiles.Definition("emergency-dispatch");
    private static readonly HolidayCalendar China = SampleFiles.China();

    // Friday 6 March 2026, 10:00 in Beijing: an ordinary working day.
    private static readonly DateTimeOffset FridayMorning = At(2026, 3, 6, 10);

    [Fact]
    public void Red_fire_goes_to_property_police_resident_and_street_at_once_with_minute_deadlines()
    {
        var input = new RoutingInput(RiskLevel.Red, "fire", [Party.Police, Party.Property]);

        var tasks = Router.Dispatch(Emergency, input, FridayMorning, China);

        tasks.Select(t => t.TaskKey).ShouldBe(["property", "police", "resident", "street"]);
        tasks.Select(t => t.Party).ShouldBe([Party.Property, Party.Police, Party.Resident, Party.Street]);
        tasks.Select(t => t.DueAt).ShouldBe([At(2026, 3, 6, 10, 10), At(2026, 3, 6, 10, 10), At(2026, 3, 6, 10, 5), At(2026, 3, 6, 10, 30)]);
        tasks.Select(t => t.SlaText).ShouldBe(["10m", "10m", "5m", "30m"]);
        tasks.Select(t => t.SlaDuration).ShouldBe(
            [TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)]);
    }

    [Fact]
    public void Minute_deadlines_run_through_holidays()
    {
        var nationalDayNight = At(2026, 10, 3, 23, 55);
        var input = new RoutingInput(RiskLevel.Red, "gas", [Party.Property]);

        var property = Router.Dispatch(Emergency, input, nationalDayNight, China).Single(t => t.Party == Party.Property);

        property.DueAt.ShouldBe(At(2026, 10, 4, 0, 5));
    }

    [Fact]
    public void Police_are_not_dispatched_below_their_minimum_level()
    {
        var input = new RoutingInput(RiskLevel.Yellow, "fire", [Party.Police, Party.Property]);

        var tasks = Router.Dispatch(Emergency, input, FridayMorning, China);

        tasks.Select(t => t.TaskKey).ShouldBe(["property", "street"]);
        tasks[0].DueAt.ShouldBe(At(2026, 3, 6, 12));
        tasks[1].SlaText.ShouldBe("1wd");
        tasks[1].SlaDuration.ShouldBeNull();
        tasks[1].DueAt.ShouldBe(At(2026, 3, 9, 10));
    }

    [Fact]
    public void Police_are_dispatched_at_exactly_their_minimum_level()
    {
        var input = new RoutingInput(RiskLevel.Orange, "fire", [Party.Police]);

        var police = Router.Dispatch(Emergency, input, FridayMorning, China).Single(t => t.Party == Party.Police);

        police.DueAt.ShouldBe(At(2026, 3, 6, 10, 30));
    }

    [Fact]
    public void Always_tasks_are_issued_even_when_the_assessment_names_no_party()
    {
        var input = new RoutingInput(RiskLevel.Blue, "gas", []);

        var tasks = Router.Dispatch(Emergency, input, FridayMorning, China);

        var street = tasks.ShouldHaveSingleItem();
        street.TaskKey.ShouldBe("street");
        street.DueAt.ShouldBe(At(2026, 3, 11, 10));
    }

    [Fact]
    public void Assessed_tasks_need_the_assessment_to_name_the_party()
    {
        var input = new RoutingInput(RiskLevel.Red, "fire", [Party.Health]);

        var tasks = Router.Dispatch(Emergency, input, FridayMorning, China);

        tasks.Select(t => t.TaskKey).ShouldBe(["health", "resident", "street"]);
    }

    [Fact]
    public void Redispatch_after_the_level_rises_issues_only_the_new_task()
    {
        var yellow = new RoutingInput(RiskLevel.Yellow, "fire", [Party.Property, Party.Police]);
        var issued = Router.Dispatch(Emergency, yellow, FridayMorning, China).Select(t => t.TaskKey).ToList();
        var later = FridayMorning.AddMinutes(40);

        var red = new RoutingInput(RiskLevel.Red, "fire", [Party.Property, Party.Police]);
        var added = Router.DispatchNew(Emergency, red, issued, later, China);

        // Police and, at red, the household; property and street keep the tasks they have.
        added.Select(t => t.TaskKey).ShouldBe(["police", "resident"]);
        added[0].DueAt.ShouldBe(later.AddMinutes(10));
        added[1].DueAt.ShouldBe(later.AddMinutes(5));
    }

    [Fact]
    public void Task_keys_do_not_depend_on_level_or_time()
    {
        var atOrange = Router.Dispatch(Emergency, new RoutingInput(RiskLevel.Orange, "fire", [Party.Police]), FridayMorning, China);
        var atRed = Router.Dispatch(Emergency, new RoutingInput(RiskLevel.Red, "fire", [Party.Police]), FridayMorning.AddDays(3), China)
            .Where(t => t.Party != Party.Resident); // the household's task applies at red only

        atRed.Select(t => t.TaskKey).ShouldBe(atOrange.Select(t => t.TaskKey));
    }

    [Fact]
    public void Parties_the_definition_has_no_task_for_are_reported()
    {
        // The security definition has no task for the health station.
        var security = SampleFiles.Definition("security-dispatch");
        var input = new RoutingInput(RiskLevel.Red, "security", [Party.Health, Party.Police, Party.Health]);

        Router.UnroutedParties(security, input).ShouldBe([Party.Health]);
    }

    [Fact]
    public void An_undefined_level_is_rejected_rather_than_routed_as_if_it_were_blue()
    {
        var input = new RoutingInput((RiskLevel)0, "fire", [Party.Police]);

        Should.Throw<ArgumentOutOfRangeException>(() => Router.Dispatch(Emergency, input, FridayMorning, China));
    }
}
