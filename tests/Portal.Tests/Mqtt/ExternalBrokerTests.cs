using Cerebellum.Testing;
using Alba;
using Cerebellum.Engine.Intake.Mqtt;
using Marten;

namespace Cerebellum.Portal.Tests.Mqtt;

/// <summary>External-broker mode against a real mosquitto, published to with the real mosquitto_pub.</summary>
[Collection(nameof(BrokerCollection))]
public sealed class ExternalBrokerTests(BrokerFixture fixture)
{
    private const string Topic = "communities/cuiyuan/devices/dev-leak-cy1-b1-u0302/signals";

    private static string Leak(string messageId) =>
        $$"""{"messageId":"{{messageId}}","kind":"water-leak","occurredAt":"2026-11-28T03:12:00+08:00","severity":3}""";

    [Fact]
    public async Task A_message_published_with_qos_1_is_stored_with_the_device_from_the_topic()
    {
        var messageId = "mq-" + Guid.NewGuid();
        await fixture.Broker.PublishAsync(Topic, Leak(messageId));

        var signal = await fixture.WaitForSignalAsync("mqtt-broker", messageId);
        (signal.DeviceId, signal.Kind).ShouldBe(("dev-leak-cy1-b1-u0302", "water-leak"));
        var health = await fixture.Host.GetAsJson<System.Text.Json.JsonElement>("/health");
        health.GetProperty("mqtt").GetString().ShouldBe($"subscribed to 127.0.0.1:{fixture.Broker.Port}");
    }

    [Fact]
    public async Task A_vendor_message_on_the_vendors_topic_is_mapped_by_its_profile()
    {
        var msgId = "TY-" + Guid.NewGuid();
        await fixture.Broker.PublishAsync("communities/cuiyuan/vendors/tuya/cloud-1",
            $$$"""{"msgId":"{{{msgId}}}","devId":"dev-radar-cy1-b1-u0101","data":{"dps":{"101":"fall_down_alarm"},"localTime":"2026-11-28 03:12:00"}}""");

        var signal = await fixture.WaitForSignalAsync("mqtt-broker", msgId);
        signal.Kind.ShouldBe("fall-detected");
        signal.OccurredAt.ShouldBe(TestTimes.SampleRecent);
    }

    [Fact]
    public async Task A_bad_payload_is_acknowledged_and_recorded_and_does_not_block_the_next_message()
    {
        var marker = "not json " + Guid.NewGuid();
        await fixture.Broker.PublishAsync(Topic, marker);
        var messageId = "after-bad-" + Guid.NewGuid();
        await fixture.Broker.PublishAsync(Topic, Leak(messageId));

        await fixture.WaitForSignalAsync("mqtt-broker", messageId);
        await using var session = fixture.Store.QuerySession();
        var rejected = await session.Query<RejectedMqttMessage>().Where(r => r.PayloadExcerpt == marker).SingleAsync();
        rejected.Topic.ShouldBe(Topic);
        rejected.Reason.ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task After_a_broker_restart_the_app_reconnects_and_gets_what_was_published_while_it_was_away()
    {
        await fixture.WaitUntilAsync(() => Task.FromResult(fixture.Subscriber.IsConnected), "the subscriber to connect");

        await fixture.Broker.StopAsync();
        await fixture.WaitUntilAsync(() => Task.FromResult(!fixture.Subscriber.IsConnected), "the subscriber to notice");
        await fixture.Broker.StartAsync();

        // Published while the app is still disconnected: the broker keeps it for the persistent session.
        var whileAway = "away-" + Guid.NewGuid();
        await fixture.Broker.PublishAsync(Topic, Leak(whileAway));
        fixture.Subscriber.IsConnected.ShouldBeFalse("the app reconnected before the message was published; raise BrokerFixture.Backoff");

        (await fixture.WaitForSignalAsync("mqtt-broker", whileAway)).Kind.ShouldBe("water-leak");
        fixture.Subscriber.IsConnected.ShouldBeTrue();

        var afterwards = "after-restart-" + Guid.NewGuid();
        await fixture.Broker.PublishAsync(Topic, Leak(afterwards));
        await fixture.WaitForSignalAsync("mqtt-broker", afterwards);
    }

    [Fact]
    public async Task When_storing_fails_the_message_is_not_acknowledged_and_the_broker_redelivers_it()
    {
        var messageId = "refused-" + Guid.NewGuid();
        await using (await FailingStorage.RefuseAsync(fixture.ConnectionString, "refused-"))
        {
            await fixture.Broker.PublishAsync(Topic, Leak(messageId));
            // The subscriber drops its connection instead of acknowledging.
            await fixture.WaitUntilAsync(() => Task.FromResult(!fixture.Subscriber.IsConnected), "the subscriber to disconnect");
        }

        // Storage works again: the broker redelivers the unacknowledged message after the reconnect.
        (await fixture.WaitForSignalAsync("mqtt-broker", messageId)).Kind.ShouldBe("water-leak");
    }
}
