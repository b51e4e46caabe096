using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Rules;
using Case = Cerebellum.Engine.Cases.Case;

namespace Cerebellum.Engine.Tests.Complaints;

/// <summary>The pure parts of complaint intake: decision, correlation key and the window.</summary>
public sealed class ComplaintDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 23, 30, 0, TimeSpan.FromHours(8));
    private static readonly CaseLocation Where = new("cuiyuan", "cy1", "cy1-b1", "cy1-b1-u0101", "翠苑一区 1幢", "翠苑一区 1幢 1单元 101室");
    private static readonly Guid CaseId = Guid.NewGuid();

    private static Assessment Assessed(RiskLevel level) =>
        new("community-default", 1, level, "neighbourhood", [Party.Property],
            [new FiredRule("noise-complaint", level, "neighbourhood", 12, new LocalizedText("原因", "reason"))]);

    private static readonly OfficeTask PropertyTask = new("property", Party.Property, "o", "物业", Now.AddDays(1), "1wd");

    private static IncomingItem Item(string kind, ItemLocation where) =>
        new(Guid.NewGuid(), "complaint", kind, 2, Now, "open311:test-app", "", "楼上很吵", where);

    private static ComplaintAttached Attached(IncomingItem item) =>
        new(CaseId, item.ItemId, "noise", item.Kind, item.Text, item.Source, item.OccurredAt);

    private static IReadOnlyList<object> Decide(Case? state, IncomingItem item) =>
        CaseDecisions.OnItem(state, CaseId, "k", Where, item, Attached(item), Assessed(RiskLevel.Blue), [PropertyTask], "wf", 1, Now);

    [Fact]
    public void A_first_complaint_opens_a_complaint_case_attaches_assesses_and_dispatches()
    {
        var item = Item("noise", new ItemLocation("cy1", "cy1-b1", "cy1-b1-u0101"));
        var events = Decide(null, item);

        events.Select(e => e.GetType()).ShouldBe([typeof(CaseOpened), typeof(ComplaintAttached), typeof(RiskAssessed), typeof(TaskAssigned)]);
        var opened = (CaseOpened)events[0];
        opened.ItemType.ShouldBe("complaint");
        opened.Kind.ShouldBe("noise");
        ((ComplaintAttached)events[1]).ComplaintId.ShouldBe(item.ItemId);
        var state = CaseReplay.Of(events);
        state.ItemIds.ShouldBe([item.ItemId]);
        state.Status.ShouldBe(CaseStatus.Dispatched);
    }

    [Fact]
    public void A_second_complaint_at_the_same_level_only_attaches()
    {
        var where = new ItemLocation("cy1", "cy1-b1", "cy1-b1-u0101");
        var state = CaseReplay.Of(Decide(null, Item("noise", where)));

        var next = Decide(state, Item("noise", where));

        next.Select(e => e.GetType()).ShouldBe([typeof(ComplaintAttached)]);
        state.Apply((ComplaintAttached)next[0]).ItemIds.Count.ShouldBe(2);
    }

    [Fact]
    public void The_correlation_key_is_the_finest_known_place_and_the_category()
    {
        var options = new CorrelationOptions();
        string Key(ItemLocation where, CaseLocation location, string kind = "noise") =>
            Correlation.KeyFor(options, Item(kind, where), location, 0);

        Key(new("cy1", "cy1-b1", "cy1-b1-u0101"), Where).ShouldBe("unit:cy1-b1-u0101|complaint:noise");
        Key(new("cy1", "cy1-b1", null), Where with { Unit = "" }, "parking").ShouldBe("building:cy1-b1|complaint:parking");
        var nowhere = Where with { Compound = "", Building = "", Unit = "" };
        Key(new(null, null, null, "翠苑 东门 垃圾站"), nowhere, "sanitation").ShouldBe("address:翠苑东门垃圾站|complaint:sanitation");
        var item = Item("noise", new(null, null, null));
        Correlation.KeyFor(options, item, nowhere, 0).ShouldBe($"item:{item.ItemId}|complaint:noise");
    }

    [Fact]
    public void A_place_unknown_to_the_registry_is_described_by_its_address_or_coordinates()
    {
        new ComplaintLocation("翠苑东门", null, 30.29, 120.12, Place.Unknown).Describe().ShouldBe("翠苑东门");
        new ComplaintLocation(null, null, 30.2905, 120.1213, Place.Unknown).Describe().ShouldBe("30.2905, 120.1213");
        new ComplaintLocation(null, null, null, null, Place.Unknown).Describe().ShouldBe("");
    }
}
