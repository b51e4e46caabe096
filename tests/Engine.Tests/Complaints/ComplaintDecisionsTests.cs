using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Rules;
using Case = Cerebellum.Engine.Cases.Case;

namespace Cerebellum.Engine.Tests.Complaints;

/// <summary>The pure parts of complaint intake: decision, correlation key and the 24-hour window.</summary>
public sealed class ComplaintDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 23, 30, 0, TimeSpan.FromHours(8));
    private static readonly Place Flat = new("cy1", "cy1-b1", "cy1-b1-u0101");
    private static readonly CaseLocation Where = new("cuiyuan", "cy1", "cy1-b1", "cy1-b1-u0101", "翠苑一区 1幢", "翠苑一区 1幢 1单元 101室");
    private static readonly Guid CaseId = Guid.NewGuid();

    private static Assessment Assessed(RiskLevel level) =>
        new("community-default", 1, level, "neighbourhood", [Party.Property],
            [new FiredRule("noise-complaint", level, "neighbourhood", 12, new LocalizedText("原因", "reason"))]);

    private static readonly OfficeTask PropertyTask = new("property", Party.Property, "o", "物业", Now.AddDays(1), "1wd");

    private static Case Replay(IEnumerable<object> events)
    {
        Case? state = null;
        foreach (var e in events)
            state = e switch
            {
                CaseOpened o => Case.Create(o),
                ComplaintAttached c => state!.Apply(c),
                RiskAssessed r => state!.Apply(r),
                TaskAssigned t => state!.Apply(t),
                _ => state,
            };
        return state!;
    }

    [Fact]
    public void A_first_complaint_opens_a_complaint_case_attaches_assesses_and_dispatches()
    {
        var complaint = TestComplaints.About(Flat, "noise", Now);
        var events = CaseDecisions.OnComplaint(null, CaseId, "k", Where, complaint, Assessed(RiskLevel.Blue), [PropertyTask], "wf", 1, Now);

        events.Select(e => e.GetType()).ShouldBe([typeof(CaseOpened), typeof(ComplaintAttached), typeof(RiskAssessed), typeof(TaskAssigned)]);
        var opened = (CaseOpened)events[0];
        opened.ItemType.ShouldBe("complaint");
        opened.Kind.ShouldBe("noise");
        var attached = (ComplaintAttached)events[1];
        attached.ComplaintId.ShouldBe(complaint.Id);
        attached.Channel.ShouldBe("open311:test-app");
        var state = Replay(events);
        state.ComplaintCount.ShouldBe(1);
        state.Status.ShouldBe(CaseStatus.Dispatched);
    }

    [Fact]
    public void A_second_complaint_at_the_same_level_only_attaches()
    {
        var state = Replay(CaseDecisions.OnComplaint(null, CaseId, "k", Where, TestComplaints.About(Flat, "noise", Now),
            Assessed(RiskLevel.Blue), [PropertyTask], "wf", 1, Now));

        var next = CaseDecisions.OnComplaint(state, CaseId, "k", Where, TestComplaints.About(Flat, "noise", Now),
            Assessed(RiskLevel.Blue), [PropertyTask], "wf", 1, Now);

        next.Select(e => e.GetType()).ShouldBe([typeof(ComplaintAttached)]);
        state.Apply((ComplaintAttached)next[0]).ComplaintCount.ShouldBe(2);
    }

    [Fact]
    public void The_correlation_key_is_the_finest_known_place_and_the_category()
    {
        ComplaintCorrelation.KeyFor(TestComplaints.About(Flat, "noise", Now)).ShouldBe("complaint|unit:cy1-b1-u0101|noise");
        ComplaintCorrelation.KeyFor(TestComplaints.About(Flat with { Unit = "" }, "parking", Now)).ShouldBe("complaint|building:cy1-b1|parking");

        var byAddress = TestComplaints.About(Place.Unknown, "sanitation", Now);
        byAddress.Location = byAddress.Location with { AddressText = "翠苑 东门 垃圾站" };
        ComplaintCorrelation.KeyFor(byAddress).ShouldBe("complaint|address:翠苑东门垃圾站|sanitation");

        var nowhere = TestComplaints.About(Place.Unknown, "noise", Now);
        ComplaintCorrelation.KeyFor(nowhere).ShouldBe($"complaint|complaint:{nowhere.Id:N}|noise");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(23.9, true)]
    [InlineData(24, false)]
    [InlineData(30, false)]
    public void An_open_case_takes_complaints_for_24_hours(double hoursLater, bool joins)
    {
        var open = Case.Create(new CaseOpened(CaseId, "k", "complaint", "noise", Where, Now));

        ComplaintCorrelation.Joins(open, Now.AddHours(hoursLater)).ShouldBe(joins);
    }

    [Fact]
    public void A_resolved_case_takes_no_more_complaints() =>
        ComplaintCorrelation.Joins(Case.Create(new CaseOpened(CaseId, "k", "complaint", "noise", Where, Now)) with
        {
            Status = CaseStatus.Resolved,
        }, Now.AddHours(1)).ShouldBeFalse();

    [Fact]
    public void A_place_unknown_to_the_registry_is_described_by_its_address_or_coordinates()
    {
        new ComplaintLocation("翠苑东门", null, 30.29, 120.12, Place.Unknown).Describe().ShouldBe("翠苑东门");
        new ComplaintLocation(null, null, 30.2905, 120.1213, Place.Unknown).Describe().ShouldBe("30.2905, 120.1213");
        new ComplaintLocation(null, null, null, null, Place.Unknown).Describe().ShouldBe("");
    }
}
