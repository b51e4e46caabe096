using Cerebellum.Testing;
using System.Text.Json;
using Alba;
using Cerebellum.Engine.Intake.Signals;
using Marten;

namespace Cerebellum.Portal.Tests;

/// <summary>Each sample vendor's own JSON, mapped by its profile (samples/vendors) end to end over HTTP.</summary>
[Collection(nameof(PortalCollection))]
public sealed class VendorSignalsTests(PortalFixture fixture)
{
    // The instant the sample messages say, moved to the latest 03:12 Beijing time by TestTimes.Fresh.
    private static readonly DateTimeOffset ThreeTwelveBeijing = TestTimes.SampleRecent;

    [Fact]
    public async Task A_hikvision_alarm_code_becomes_a_smoke_signal_and_a_case()
    {
        var eventId = "HK-" + Guid.NewGuid();
        var ids = await PostAsync("/api/v1/vendors/hikvision/signals", "hik-gw", new
        {
            eventId, deviceSerial = "dev-smoke-cy1-b1-u0101", alarmCode = "E01",
            dateTime = "2026-11-28T03:12:00+08:00", level = "major", channel = 1,
        });
        var signal = await LoadAsync(ids.Single());
        (signal.Source, signal.MessageId, signal.Kind, signal.Severity).ShouldBe(("hik-gw", eventId, "smoke", 4));
        signal.OccurredAt.ShouldBe(ThreeTwelveBeijing);
        signal.PayloadJson!.ShouldContain("\"alarmCode\":\"E01\"");
        await fixture.WaitForCaseAsync(signal.Id);
    }

    [Fact]
    public async Task A_dahua_envelope_with_an_events_array_becomes_one_signal_per_event()
    {
        var seq = Guid.NewGuid().ToString("N");
        var ids = await PostAsync("/api/v1/vendors/dahua/signals", "dahua-gw", new
        {
            Header = new { DeviceID = "dev-door-cy1-b1", Seq = 981 },
            Body = new
            {
                Events = new object[]
                {
                    new { EventID = $"{seq}-1", Code = "AccessControlForced", TimestampMs = ThreeTwelveBeijing.ToUnixTimeMilliseconds(), Data = new { Level = 4 } },
                    new { EventID = $"{seq}-2", Code = "DoorNotClosed", TimestampMs = ThreeTwelveBeijing.AddMinutes(1).ToUnixTimeMilliseconds() },
                },
            },
        });
        ids.Length.ShouldBe(2);
        var first = await LoadAsync(ids[0]);
        var second = await LoadAsync(ids[1]);
        (first.DeviceId, first.Kind, first.Severity, first.OccurredAt).ShouldBe(("dev-door-cy1-b1", "door-forced", 4, ThreeTwelveBeijing));
        (second.DeviceId, second.Kind, second.Severity).ShouldBe(("dev-door-cy1-b1", "door-held-open", 3));
        second.OccurredAt.ShouldBe(ThreeTwelveBeijing.AddMinutes(1));
    }

    [Fact]
    public async Task A_tuya_local_time_without_offset_is_read_in_the_profiles_time_zone()
    {
        var msgId = "TY-" + Guid.NewGuid();
        // Sent to /api/v1/signals: the gateway's registered profile chooses the mapping.
        var ids = await PostAsync("/api/v1/signals", "tuya-gw", new
        {
            msgId, devId = "dev-leak-cy1-b1-u0302", bizCode = "alarm",
            data = new Dictionary<string, object> { ["dps"] = new Dictionary<string, string> { ["101"] = "watersensor_state_alarm" }, ["localTime"] = "2026-11-28 03:12:00" },
            t = ThreeTwelveBeijing.ToUnixTimeMilliseconds(),
        });
        var signal = await LoadAsync(ids.Single());
        (signal.Kind, signal.DeviceId, signal.Severity).ShouldBe(("water-leak", "dev-leak-cy1-b1-u0302", 3));
        signal.OccurredAt.ShouldBe(ThreeTwelveBeijing);
        signal.OccurredAt.UtcDateTime.ShouldBe(TestTimes.SampleRecent.UtcDateTime);
    }

    [Fact]
    public async Task A_repeat_of_a_vendor_message_answers_the_same_id()
    {
        var body = new { eventId = "HK-" + Guid.NewGuid(), deviceSerial = "dev-gas-cy1-b1-u0101", alarmCode = "E02", dateTime = "2026-11-28T03:12:00+08:00" };
        (await PostAsync("/api/v1/vendors/hikvision/signals", "hik-gw", body))
            .ShouldBe(await PostAsync("/api/v1/vendors/hikvision/signals", "hik-gw", body));
    }

    public static TheoryData<string, object, string> Unmappable => new()
    {
        { "hikvision", new { eventId = "x1", deviceSerial = "d", alarmCode = "E99", dateTime = "2026-11-28T03:12:00+08:00" }, "alarmCode" },
        { "hikvision", new { eventId = "x2", deviceSerial = "d", alarmCode = "E01", dateTime = "2026-11-28 03:12:00" }, "dateTime" },
        { "hikvision", new { deviceSerial = "d", alarmCode = "E01", dateTime = "2026-11-28T03:12:00+08:00" }, "eventId" },
        { "dahua", new { Header = new { DeviceID = "d" }, Body = new { Events = new object[] { new { EventID = "1", Code = "AccessControlForced", TimestampMs = 1 }, new { EventID = "2", Code = "Nope", TimestampMs = 1 } } } }, "$.Body.Events[1].Code" },
        { "dahua", new { Header = new { DeviceID = "d" }, Body = new { } }, "$.Body.Events" },
        { "tuya", new { msgId = "m", devId = "d", data = new { dps = new Dictionary<string, string> { ["101"] = "fall_down_alarm" }, localTime = "28/11/2026 03:12" } }, "data.localTime" },
        { "hikvision", new { eventId = new string('x', 200), deviceSerial = "d", alarmCode = "E01", dateTime = "2026-11-28T03:12:00+08:00" }, "eventId" },
    };

    [Theory]
    [MemberData(nameof(Unmappable))]
    public async Task An_unmappable_vendor_message_is_a_400_naming_the_vendor_field_path(string vendor, object body, string path)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Text(TestTimes.Fresh(JsonSerializer.Serialize(body))).ToUrl($"/api/v1/vendors/{vendor}/signals");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor(vendor switch { "hikvision" => "hik-gw", "dahua" => "dahua-gw", _ => "tuya-gw" }));
            s.StatusCodeShouldBe(400);
        });
        var problem = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(path);
    }

    [Fact]
    public async Task An_unknown_vendor_route_is_a_404_and_a_missing_key_a_401()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/api/v1/vendors/acme/signals");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor("hik-gw"));
            s.StatusCodeShouldBe(404);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/api/v1/vendors/hikvision/signals");
            s.StatusCodeShouldBe(401);
        });
    }

    private async Task<Guid[]> PostAsync(string url, string gateway, object body)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            // Vendor names are case-sensitive: serialize as written, not with the API's camelCase.
            s.Post.Text(TestTimes.Fresh(JsonSerializer.Serialize(body))).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("X-Api-Key", fixture.KeyFor(gateway));
            s.StatusCodeShouldBe(202);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("ids")
            .EnumerateArray().Select(e => e.GetGuid()).ToArray();
    }

    private async Task<SignalRecord> LoadAsync(Guid id)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<SignalRecord>(id)).ShouldNotBeNull();
    }
}
