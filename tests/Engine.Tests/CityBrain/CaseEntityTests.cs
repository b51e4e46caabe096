using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.CityBrain.Entities;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Tests.Complaints;
using Marten;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.CityBrain;

/// <summary>Case lifecycle events reach a real NGSI-LD receiver as Smart Data Models entities.</summary>
[Collection(nameof(CityBrainCollection))]
public sealed class CaseEntityTests(CityBrainFixture fixture)
{
    private async Task<CaseSummary> CaseOfAsync(Guid signalId)
    {
        await using var query = fixture.Store.QuerySession();
        var signal = (await query.LoadAsync<Intake.Signals.SignalRecord>(signalId))!;
        return (await query.LoadAsync<CaseSummary>(signal.CaseId!.Value))!;
    }

    [Fact]
    public async Task A_smoke_alarm_arrives_as_an_Alert_under_an_opaque_id_with_building_level_location()
    {
        var device = Signals.SmokeDetectorOfElderlyLivingAlone(fixture.Community);
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(device.Id));
        var summary = await CaseOfAsync(ids[0]);

        var id = $"urn:ngsi-ld:Alert:{Feed.OpaqueId(summary.Id)}";
        var alert = await Feed.ArrivedAsync(fixture, id, summary.Id);

        alert["type"]!.GetValue<string>().ShouldBe("Alert");
        alert["@context"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe([NgsiLd.AlertContext, NgsiLd.CoreContext]);
        Feed.Value(alert, "category").ShouldBe("security");
        Feed.Value(alert, "subCategory").ShouldBe(summary.Category);
        summary.Category.ShouldBe("fire");
        Feed.Value(alert, "severity").ShouldBe(CaseEntities.Severity(summary.Level));
        summary.Level.ShouldNotBeNull();
        Feed.Value(alert, "caseStatus").ShouldBe("dispatched");
        alert["alertSource"]!["object"]!.GetValue<string>().ShouldBe("urn:ngsi-ld:Cerebellum:cuiyuan");
        alert["dateIssued"]!["value"]!["@value"]!.GetValue<string>()
            .ShouldBe(summary.OpenedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:00'Z'"));
        alert["refBuilding"]!["object"]!.GetValue<string>().ShouldBe($"urn:ngsi-ld:Building:{device.BuildingId}");
        var building = fixture.Community.Buildings.Single(b => b.Id == device.BuildingId);
        var compound = fixture.Community.Compounds.Single(c => c.Id == building.CompoundId);
        alert["address"]!["value"]!["streetAddress"]!.GetValue<string>().ShouldBe($"{compound.Name} {building.Name}");
        alert.ContainsKey("validTo").ShouldBeFalse();

        var request = fixture.Receiver.Requests.First(r => r.Body.Contains(id));
        request.Authorization.ShouldBe(CityBrainFixture.Authorization);
        request.ContentType.ShouldStartWith("application/ld+json");
    }

    [Fact]
    public async Task Resolving_the_case_upserts_the_same_entity_with_a_higher_sequence_and_an_end()
    {
        var device = Signals.SmokeDetectorOfYoungFamily(fixture.Community);
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(device.Id));
        var summary = await CaseOfAsync(ids[0]);
        var id = $"urn:ngsi-ld:Alert:{Feed.OpaqueId(summary.Id)}";
        var before = Feed.Sequence(await Feed.ArrivedAsync(fixture, id, summary.Id));

        await using (var session = fixture.Store.LightweightSession())
            (await CaseCommands.RunAsync(session, summary.Id, summary.Version,
                c => CaseTransitions.Resolve(c, "street1", "扑灭", DateTimeOffset.UtcNow), default))
                .Status.ShouldBe(CaseCommandStatus.Done);

        var after = await Feed.ArrivedAsync(fixture, id, summary.Id);
        Feed.Sequence(after).ShouldBeGreaterThan(before);
        Feed.Value(after, "caseStatus").ShouldBe("resolved");
        after.ContainsKey("validTo").ShouldBeTrue();
        after.ToJsonString().ShouldNotContain("扑灭"); // the handler's note is case text, not for the City Brain
    }

    [Fact]
    public async Task A_complaint_arrives_as_an_IssueReporting()
    {
        var unit = fixture.Community.Units[77];
        var building = fixture.Community.Buildings.Single(b => b.Id == unit.BuildingId);
        var complaint = TestComplaints.About(new Place(building.CompoundId, building.Id, unit.Id), "noise", DateTimeOffset.UtcNow);
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Insert(complaint);
            await session.SaveChangesAsync();
        }
        await fixture.Host.InvokeMessageAndWaitAsync(new ProcessComplaint(complaint.Id));
        Guid caseId;
        await using (var query = fixture.Store.QuerySession())
            caseId = (await query.LoadAsync<ComplaintRecord>(complaint.Id))!.CaseId!.Value;

        var issue = await Feed.ArrivedAsync(fixture, $"urn:ngsi-ld:IssueReporting:{Feed.OpaqueId(caseId)}", caseId);
        issue["type"]!.GetValue<string>().ShouldBe("IssueReporting");
        issue["@context"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe([NgsiLd.IssueTrackingContext, NgsiLd.CoreContext]);
        Feed.Value(issue, "subCategory").ShouldBe("noise");
        Feed.Value(issue, "resolutionStatus").ShouldBe("Assigned");
        issue["refBuilding"]!["object"]!.GetValue<string>().ShouldBe($"urn:ngsi-ld:Building:{building.Id}");
        issue.ContainsKey("description").ShouldBeFalse();
        issue.ContainsKey("comments").ShouldBeFalse();
    }
}
