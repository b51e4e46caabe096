using System.Buffers;
using Cerebellum.Engine.Intake.Mqtt;
using Cerebellum.Engine.Intake.Vendors;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Cerebellum.Portal.Mqtt;

/// <summary>External-broker mode: subscribes to an MQTT broker (e.g. mosquitto) with a persistent session
/// (clean session off, a stable client id), QoS 1, and acknowledges each message only after it is stored
/// or its rejection recorded. Messages published while the app is away are queued by the broker for the
/// session and delivered after reconnect; unacknowledged ones are redelivered. Connection loss and broker
/// restarts are retried with exponential backoff.</summary>
public sealed class BrokerSubscriber(IOptions<MqttSettings> settings, MqttSignalReceiver receiver, VendorCatalog vendors,
    MqttChannelStatus status, ILogger<BrokerSubscriber> logger) : BackgroundService
{
    private volatile bool connected;

    /// <summary>Whether the subscription is live now (tests and /health read it).</summary>
    public bool IsConnected => connected;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var broker = settings.Value.Broker;
        using var client = new MqttClientFactory().CreateMqttClient();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += _ =>
        {
            connected = false;
            status.Set($"reconnecting to {broker.Host}:{broker.Port}");
            lost.TrySetResult();
            return Task.CompletedTask;
        };
        client.ApplicationMessageReceivedAsync += async e =>
        {
            e.AutoAcknowledge = false;
            var message = e.ApplicationMessage;
            try
            {
                await receiver.ReceiveAsync(message.Topic, message.Payload.ToArray(), e.ClientId, null, broker.Source, stopping);
                await e.AcknowledgeAsync(stopping);
            }
            catch (Exception ex)
            {
                // No PUBACK: dropping the connection makes the broker redeliver it to the session.
                logger.LogError(ex, "MQTT: storing the message on {Topic} failed; reconnecting without acknowledging", message.Topic);
                _ = client.DisconnectAsync(new MqttClientDisconnectOptions { Reason = MqttClientDisconnectOptionsReason.UnspecifiedError });
            }
        };

        var delay = TimeSpan.FromSeconds(broker.ReconnectMinSeconds);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await client.ConnectAsync(Options(broker), stopping);
                await client.SubscribeAsync(Subscription(), stopping);
                connected = true;
                status.Set($"subscribed to {broker.Host}:{broker.Port}");
                delay = TimeSpan.FromSeconds(broker.ReconnectMinSeconds);
                logger.LogInformation("MQTT: subscribed to {Host}:{Port} as {ClientId}", broker.Host, broker.Port, broker.ClientId);
                await lost.Task.WaitAsync(stopping);
                connected = false; // the connection may have dropped before 'connected' was set above
                logger.LogWarning("MQTT: lost the connection to {Host}:{Port}", broker.Host, broker.Port);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                connected = false;
                status.Set($"cannot reach {broker.Host}:{broker.Port}: {e.Message}");
                logger.LogWarning("MQTT: cannot reach {Host}:{Port} ({Reason}); retrying in {Delay}", broker.Host, broker.Port, e.Message, delay);
            }
            await Task.Delay(delay, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, broker.ReconnectMaxSeconds));
        }
        if (client.IsConnected) await client.DisconnectAsync();
    }

    private static MqttClientOptions Options(BrokerSettings broker)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(broker.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(false)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(broker.UserName)) builder.WithCredentials(broker.UserName, broker.Password);
        return builder.Build();
    }

    private MqttClientSubscribeOptions Subscription()
    {
        var builder = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(SignalTopic.Filter, MqttQualityOfServiceLevel.AtLeastOnce);
        foreach (var topic in vendors.Profiles.SelectMany(p => p.Match.Topics).Distinct())
            builder.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        return builder.Build();
    }
}
