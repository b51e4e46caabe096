using System.Text.Json;
using Cerebellum.Engine.Intake.Mqtt;
using Cerebellum.Engine.Intake.Vendors;
using Cerebellum.Engine.Intake.Vendors.Loading;
using Cerebellum.Testing;

namespace Cerebellum.Engine.Tests.Vendors;

/// <summary>The pure parts: paths, time formats, topic filters, mapping errors at vendor paths.</summary>
public sealed class VendorMappingTests
{
    // The sample messages are from the early hours of 2026-11-28 (Asia/Shanghai): the clock the validation sees.
    private static readonly DateTimeOffset SampleNow = new(2026, 11, 28, 4, 0, 0, TimeSpan.FromHours(8));

    private static readonly VendorCatalog Samples = VendorCatalog.LoadFrom(Path.Combine(RepoPaths.Samples, "vendors"));

    [Theory]
    [InlineData("a.b[1].c", """{"a":{"b":[{"c":1},{"c":2}]}}""", "2")]
    [InlineData("$.a['x.y']", """{"a":{"x.y":"dotted"}}""", "\"dotted\"")]
    [InlineData("a[5]", """{"a":[1]}""", null)]
    [InlineData("a.b", """{"a":{"b":null}}""", null)]
    public void Paths_select_nested_values_and_indexes(string path, string json, string? expected)
    {
        var root = JsonDocument.Parse(json).RootElement;
        JsonPath.TryParse(path, out var error)!.Select(root, root)?.GetRawText().ShouldBe(expected);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("a[x]")]
    [InlineData("a[1")]
    [InlineData("a.*")]
    public void Bad_paths_are_refused_with_a_reason(string path)
    {
        JsonPath.TryParse(path, out var error).ShouldBeNull();
        error.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("communities/+/devices/+/signals", "communities/cuiyuan/devices/d1/signals", true)]
    [InlineData("communities/+/vendors/dahua/#", "communities/cuiyuan/vendors/dahua", true)]
    [InlineData("communities/+/vendors/tuya/+", "communities/cuiyuan/vendors/tuya/a/b", false)]
    public void Topic_filters_follow_mqtt_wildcards(string filter, string topic, bool matches) =>
        MqttTopicFilter.Matches(filter, topic).ShouldBe(matches);

    [Fact]
    public void Tuya_local_time_is_read_in_asia_shanghai_whatever_the_servers_zone()
    {
        var json = JsonDocument.Parse("""{"msgId":"m1","devId":"d1","data":{"dps":{"101":"fall_down_alarm"},"localTime":"2026-11-28 03:12:00"}}""").RootElement;
        var result = VendorMapper.Map(Samples.ForRoute("tuya")!, json, new ChannelDefaults("tuya-gw", null));
        result.Errors.ShouldBeEmpty();
        var signal = result.Signals.Single().Submission;
        (signal.Source, signal.Kind, signal.Severity).ShouldBe(("tuya-gw", "fall-detected", 3));
        DateTimeOffset.Parse(signal.OccurredAt!).ShouldBe(new DateTimeOffset(2026, 11, 27, 19, 12, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_missing_device_falls_back_to_the_channels_device_id_from_the_topic()
    {
        var json = JsonDocument.Parse("""{"eventId":"e1","alarmCode":"E03","dateTime":"2026-11-27T19:12:00Z"}""").RootElement;
        var result = VendorMapper.Map(Samples.ForRoute("hikvision")!, json, new ChannelDefaults("hik-gw", "dev-from-topic")).Validated(SampleNow);
        result.Signals.Single().Submission.DeviceId.ShouldBe("dev-from-topic");
    }

    [Fact]
    public void Every_bad_event_in_a_batch_is_named_by_its_vendor_path()
    {
        var json = JsonDocument.Parse("""
            {"Header":{"DeviceID":"d"},"Body":{"Events":[
              {"EventID":"1","Code":"GasLeak","TimestampMs":"soon"},
              {"Code":"GasLeak","TimestampMs":1},
              {"EventID":"3","Code":["GasLeak"],"TimestampMs":1}]}}
            """).RootElement;
        var result = VendorMapper.Map(Samples.ForRoute("dahua")!, json, new ChannelDefaults("dahua-gw", null));
        result.Errors.Keys.Order().ShouldBe(["$.Body.Events[0].TimestampMs", "$.Body.Events[1].EventID", "$.Body.Events[2].Code"]);
        result.Signals.ShouldBeEmpty();
    }
}
