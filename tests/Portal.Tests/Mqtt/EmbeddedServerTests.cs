using Cerebellum.Testing;
using System.Text;
using Cerebellum.Engine.Intake.Mqtt;
using Cerebellum.Engine.Intake.Signals;
using Marten;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Cerebellum.Portal.Tests.Mqtt;

/// <summary>Default mode: the app is the broker. A real MQTTnet client publishes QoS 1; when PublishAsync
/// returns, the PUBACK has arrived, so the signal must already be in PostgreSQL (no polling).</summary>
[Collection(nameof(PortalCollection))]
public sealed class EmbeddedServerTests(PortalFixture fixture)
{
    private const string Topic = "communities/cuiyuan/devices/dev-smoke-cy1-b1-u0101/signals";

    private async Task<IMqttClient> ConnectAsync(string gateway, string? password = null, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", fixture.MqttPort)
            .WithClientId($"{gateway}-{Guid.NewGuid():N}")
            .WithCredentials(gateway, password ?? fixture.KeyFor(gateway))
            .WithProtocolVersion(version)
            .Build());
        return client;
    }

    private static MqttApplicationMessage Message(string topic, string payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(TestTimes.Fresh(payload)))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task The_puback_comes_after_the_signal_is_stored(MqttProtocolVersion version)
    {
        using var client = await ConnectAsync("gw-http", version: version);
        var messageId = "emb-" + Guid.NewGuid();

        var result = await client.PublishAsync(Message(Topic,
            $$"""{"messageId":"{{messageId}}","kind":"smoke","occurredAt":"2026-11-28T03:12:00+08:00","severity":4}"""));

        result.IsSuccess.ShouldBeTrue();
        await using var session = fixture.Store.QuerySession();
        var signal = await session.LoadAsync<SignalRecord>(SignalRecord.IdFor("gw-http", messageId));
        signal.ShouldNotBeNull();
        (signal.Source, signal.DeviceId).ShouldBe(("gw-http", "dev-smoke-cy1-b1-u0101"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_at_connect()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", fixture.MqttPort).WithCredentials("gw-http", "cbk_wrong")
            .WithProtocolVersion(MqttProtocolVersion.V500).Build());
        result.ResultCode.ShouldBe(MqttClientConnectResultCode.BadUserNameOrPassword);
        client.IsConnected.ShouldBeFalse();
    }

    [Fact]
    public async Task A_vendor_gateway_publishes_its_own_json_on_the_vendors_topic()
    {
        using var client = await ConnectAsync("hik-gw");
        var eventId = "HK-" + Guid.NewGuid();
        var result = await client.PublishAsync(Message("communities/cuiyuan/vendors/hikvision/host-1",
            $$"""{"eventId":"{{eventId}}","deviceSerial":"dev-gas-cy1-b1-u0101","alarmCode":"E02","dateTime":"2026-11-28T03:12:00+08:00"}"""));

        result.IsSuccess.ShouldBeTrue();
        await using var session = fixture.Store.QuerySession();
        (await session.LoadAsync<SignalRecord>(SignalRecord.IdFor("hik-gw", eventId)))!.Kind.ShouldBe("gas");
    }

    [Theory]
    [InlineData(Topic, "{ not json", "not valid JSON")]
    [InlineData(Topic, "nul\u0000 inside", "not valid JSON")]
    [InlineData(Topic, """{"messageId":"m","kind":"smoke"}""", "occurredAt")]
    [InlineData("communities/elsewhere/devices/d/signals", """{"messageId":"m","kind":"smoke","occurredAt":"2026-11-28T03:12:00+08:00"}""", "belongs to community")]
    [InlineData(Topic, """{"source":"gw-other","messageId":"m","kind":"smoke","occurredAt":"2026-11-28T03:12:00+08:00"}""", "source")]
    public async Task A_bad_message_is_acknowledged_with_a_reason_code_and_recorded_not_stored(string topic, string payload, string reason)
    {
        using var client = await ConnectAsync("gw-http");
        var result = await client.PublishAsync(Message(topic, payload));

        result.ReasonCode.ShouldBe(MqttClientPublishReasonCode.PayloadFormatInvalid);
        await using var session = fixture.Store.QuerySession();
        var excerpt = payload.Replace('\u0000', '\uFFFD');
        var rejected = await session.Query<RejectedMqttMessage>().Where(r => r.Topic == topic && r.PayloadExcerpt == excerpt)
            .OrderByDescending(r => r.ReceivedAt).FirstAsync();
        rejected.Reason.ShouldContain(reason);
        client.IsConnected.ShouldBeTrue();
    }

    [Fact]
    public async Task The_same_message_from_several_connections_at_once_is_stored_once()
    {
        var messageId = "dup-" + Guid.NewGuid();
        var payload = $$"""{"messageId":"{{messageId}}","kind":"smoke","occurredAt":"2026-11-28T03:12:00+08:00"}""";
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ConnectAsync("gw-http")));
        try
        {
            var results = await Task.WhenAll(clients.Select(c => c.PublishAsync(Message(Topic, payload))));
            results.ShouldAllBe(r => r.IsSuccess);
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
        await using var session = fixture.Store.QuerySession();
        (await session.Query<SignalRecord>().CountAsync(s => s.MessageId == messageId)).ShouldBe(1);
    }

    [Fact]
    public async Task When_storing_fails_there_is_no_puback_and_the_connection_is_closed_so_the_device_retries()
    {
        var messageId = "refused-" + Guid.NewGuid();
        var payload = $$"""{"messageId":"{{messageId}}","kind":"smoke","occurredAt":"2026-11-28T03:12:00+08:00"}""";
        await using (await FailingStorage.RefuseAsync(fixture.ConnectionString, "refused-"))
        {
            using var client = await ConnectAsync("gw-http");
            await Should.ThrowAsync<Exception>(() => client.PublishAsync(Message(Topic, payload)));
            client.IsConnected.ShouldBeFalse();
        }

        // The device publishes again once storage works: stored, exactly once.
        using var retry = await ConnectAsync("gw-http");
        (await retry.PublishAsync(Message(Topic, payload))).IsSuccess.ShouldBeTrue();
        await using var session = fixture.Store.QuerySession();
        (await session.Query<SignalRecord>().CountAsync(s => s.MessageId == messageId)).ShouldBe(1);
    }

    [Fact]
    public async Task Mosquitto_pub_with_gateway_credentials_works_as_in_the_docs()
    {
        var messageId = "cli-" + Guid.NewGuid();
        using var pub = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", fixture.MqttPort.ToString(), "-i", "demo-gw-cli", "-u", "demo-gw", "-P", fixture.KeyFor("demo-gw"), "-q", "1",
             "-t", Topic, "-m", TestTimes.Fresh($$"""{"messageId":"{{messageId}}","kind":"smoke","occurredAt":"2026-11-28T03:12:00+08:00","severity":4}""")]))!;
        await pub.WaitForExitAsync();
        pub.ExitCode.ShouldBe(0);

        // mosquitto_pub exits after the PUBACK, so the signal is already stored.
        await using var session = fixture.Store.QuerySession();
        (await session.LoadAsync<SignalRecord>(SignalRecord.IdFor("demo-gw", messageId))).ShouldNotBeNull();
    }
}
