using System.Text;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Mqtt;
using Cerebellum.Engine.Intake.Vendors;
using Cerebellum.Testing;

namespace Cerebellum.Engine.Tests.Vendors;

/// <summary>How an MQTT message is read: profile by topic, then by gateway, else our JSON.</summary>
public sealed class MqttMessageDecoderTests
{
    // The sample messages are from the early hours of 2026-11-28 (Asia/Shanghai): the clock the validation sees.
    private static readonly DateTimeOffset SampleNow = new(2026, 11, 28, 4, 0, 0, TimeSpan.FromHours(8));

    private static readonly VendorCatalog Vendors = VendorCatalog.LoadFrom(Path.Combine(RepoPaths.Samples, "vendors"));
    private static readonly Gateway Demo = new("demo-gw", "demo", "cuiyuan", null, "");
    private static readonly Gateway Hik = new("hik-gw", "hik", "cuiyuan", "hikvision", "");
    private const string Ours = """{"messageId":"m1","kind":"smoke","occurredAt":"2026-11-28T03:12:00+08:00"}""";
    private const string Hikvision = """{"eventId":"e1","deviceSerial":"dev-1","alarmCode":"E02","dateTime":"2026-11-28T03:12:00+08:00"}""";

    private static MqttDecision Decode(string topic, string payload, Gateway? gateway) =>
        MqttMessageDecoder.Decode(topic, Encoding.UTF8.GetBytes(payload), gateway, gateway?.Id ?? "mqtt-broker", Vendors, SampleNow);

    [Fact]
    public void Our_json_takes_device_from_the_topic_and_source_from_the_gateway()
    {
        var signal = Decode("communities/cuiyuan/devices/dev-9/signals", Ours, Demo).Signals.ShouldHaveSingleItem();
        (signal.Source, signal.DeviceId).ShouldBe(("demo-gw", "dev-9"));
    }

    [Fact]
    public void A_vendor_gateway_on_the_standard_topic_is_mapped_by_its_profile()
    {
        var signal = Decode("communities/cuiyuan/devices/dev-1/signals", Hikvision, Hik).Signals.ShouldHaveSingleItem();
        (signal.Kind, signal.Source).ShouldBe(("gas", "hik-gw"));
    }

    [Fact]
    public void A_vendor_topic_chooses_the_profile_even_without_a_gateway()
    {
        var signal = Decode("communities/cuiyuan/vendors/hikvision/host-1", Hikvision, null).Signals.ShouldHaveSingleItem();
        (signal.Kind, signal.Source).ShouldBe(("gas", "mqtt-broker"));
    }

    [Theory]
    [InlineData("elsewhere/cuiyuan/devices/d/signals", "not under communities")]
    [InlineData("communities/cuiyuan/other/thing", "no vendor profile matches")]
    [InlineData("communities/other/devices/d/signals", "belongs to community 'cuiyuan'")]
    public void Messages_on_foreign_topics_are_dropped_with_a_reason(string topic, string reason) =>
        Decode(topic, Ours, Demo).DropReason.ShouldNotBeNull().ShouldContain(reason);
}
