using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Tests.Complaints;
using Cerebellum.Testing;
using Marten;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.CityBrain;

/// <summary>The raw JSON the City Brain receives holds nothing personal: checked against the whole registry.</summary>
[Collection(nameof(CityBrainCollection))]
public sealed class NothingPersonalTests(CityBrainFixture fixture)
{
    [Fact]
    public async Task No_payload_holds_a_name_phone_unit_device_case_id_or_free_text_and_health_cases_stay_home()
    {
        // A health report about the elderly person living alone, then her smoke alarm, then a neighbour's complaint.
        var device = Signals.SmokeDetectorOfElderlyLivingAlone(fixture.Community);
        var household = fixture.Community.Households.Single(h => h.UnitId == device.UnitId);
        var health = await fixture.Service<HealthReportIntake>().AcceptAsync("health-station-1", new HealthReportSubmission
        {
            ReportId = Guid.NewGuid().ToString("N"), Kind = "fall", Severity = 4,
            OccurredAt = TestTimes.Iso(DateTimeOffset.UtcNow.AddMinutes(-5)),
            Location = new ItemLocation(null, null, device.UnitId),
            Subject = household.Members[0].Name, Details = "右髋部疼痛，无法站立，独居",
        }, default);
        var unit = fixture.Community.Units.Single(u => u.Id == device.UnitId);
        var building = fixture.Community.Buildings.Single(b => b.Id == unit.BuildingId);
        var complaint = TestComplaints.About(new Place(building.CompoundId, building.Id, unit.Id), "noise", DateTimeOffset.UtcNow,
            $"{unit.Number}的{household.Members[0].Name}家里半夜一直在响，电话{household.Members[0].Phone}");
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Insert(complaint);
            await session.SaveChangesAsync();
        }
        await fixture.Host.InvokeMessageAndWaitAsync(new ProcessComplaint(complaint.Id));
        var signalIds = await fixture.AcceptAndProcessAsync(Signals.Smoke(device.Id));

        Guid smokeCase, complaintCase;
        List<Guid> allCases;
        await using (var query = fixture.Store.QuerySession())
        {
            smokeCase = (await query.LoadAsync<SignalRecord>(signalIds[0]))!.CaseId!.Value;
            complaintCase = (await query.LoadAsync<ComplaintRecord>(complaint.Id))!.CaseId!.Value;
            allCases = [.. await query.Query<CaseSummary>().Select(c => c.Id).ToListAsync()];
        }
        await Feed.ArrivedAsync(fixture, $"urn:ngsi-ld:IssueReporting:{Feed.OpaqueId(complaintCase)}", complaintCase);
        // The subscription goes in event order: once the later smoke case is there, the health case was seen.
        await Feed.ArrivedAsync(fixture, $"urn:ngsi-ld:Alert:{Feed.OpaqueId(smokeCase)}", smokeCase);

        var bodies = fixture.Receiver.Requests.Select(r => r.Body).ToList();
        bodies.ShouldNotBeEmpty();
        bodies.ShouldAllBe(b => !b.Contains(Feed.OpaqueId(health.CaseId)), "the health case went out one by one");

        var forbidden = new List<string>();
        foreach (var h in fixture.Community.Households)
        {
            forbidden.Add(h.Id);
            foreach (var person in h.Members) forbidden.AddRange([person.Name, person.Phone]);
        }
        foreach (var u in fixture.Community.Units) forbidden.AddRange([u.Id, $"{u.Entrance} {u.Number}", $"{u.Entrance}{u.Number}"]);
        forbidden.Add(unit.Number);
        forbidden.AddRange(fixture.Community.Devices.Select(d => d.Id));
        forbidden.AddRange(allCases.SelectMany(id => new[] { id.ToString("D"), id.ToString("N") }));
        forbidden.AddRange([complaint.Description, complaint.Contact!.FirstName!, complaint.Contact.Phone!, "右髋部疼痛", "独居",
            complaint.Token, health.ReportId, "health-station-1", "test-gateway"]);

        bodies.ShouldContain(b => b.Contains("翠苑"), "place names are sent as written, so the text checks below can see names");
        foreach (var raw in bodies)
        {
            // The raw bytes and the decoded JSON (in case a sender escaped text as \uXXXX) are both checked.
            var body = raw + "\n" + JsonNode.Parse(raw)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            var found = forbidden.Where(f => f.Length > 0 && body.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
            found.ShouldBeEmpty($"personal data in a payload: {string.Join(", ", found)}");
        }
    }
}
