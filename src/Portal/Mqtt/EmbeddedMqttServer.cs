using System.Buffers;
using System.Net;
using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Mqtt;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Cerebellum.Portal.Mqtt;

/// <summary>The default MQTT mode: the app is the broker devices connect to. A gateway signs in with
/// user name = gateway id and password = API key. A QoS 1 PUBLISH is acknowledged only after the
/// intercepting handler has returned, i.e. after PostgreSQL committed the signal; if storing fails
/// the connection is closed without PUBACK, so the device publishes again.</summary>
public sealed class EmbeddedMqttServer(IOptions<MqttSettings> settings, GatewayDirectory gateways,
    MqttSignalReceiver receiver, MqttChannelStatus status, ILogger<EmbeddedMqttServer> logger) : IHostedService, IAsyncDisposable
{
    private const string GatewayItem = "cerebellum.gateway";
    private MqttServer? server;

    public int Port => settings.Value.Port;

    public async Task StartAsync(CancellationToken ct)
    {
        var s = settings.Value;
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(s.BindAddress))
            .WithDefaultEndpointPort(s.Port)
            .Build();
        server = new MqttServerFactory().CreateMqttServer(options);
        server.ValidatingConnectionAsync += ValidateAsync;
        server.InterceptingPublishAsync += InterceptAsync;
        try
        {
            await server.StartAsync();
            logger.LogInformation("MQTT: listening for devices on {Address}:{Port}", s.BindAddress, s.Port);
            status.Set($"listening on {s.BindAddress}:{s.Port}");
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException)
        {
            // HTTP intake keeps working; an occupied port (e.g. a system mosquitto) must not take the portal down.
            logger.LogError(e, "MQTT: cannot listen on {Address}:{Port}; set Cerebellum:Mqtt:Port or Broker:Host", s.BindAddress, s.Port);
            server.Dispose();
            server = null;
            status.Set($"not listening: {s.BindAddress}:{s.Port} is taken");
        }
    }

    private async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        var gateway = await gateways.AuthenticateAsync(e.UserName, e.Password, CancellationToken.None);
        if (gateway is null)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }
        e.SessionItems[GatewayItem] = gateway;
        // MQTT 5 clients may leave the client id empty and have one assigned (3.1.1 clients must send one).
        if (string.IsNullOrEmpty(e.ClientId)) e.AssignedClientIdentifier = $"{gateway.Id}-{Guid.NewGuid():N}";
    }

    private async Task InterceptAsync(InterceptingPublishEventArgs e)
    {
        if (!e.SessionItems.Contains(GatewayItem) || e.SessionItems[GatewayItem] is not Gateway gateway) return; // the server's own messages
        try
        {
            var payload = e.ApplicationMessage.Payload.ToArray();
            var outcome = await receiver.ReceiveAsync(e.ApplicationMessage.Topic, payload, e.ClientId, gateway, gateway.Id, e.CancellationToken);
            if (outcome == MqttOutcome.Dropped)
            {
                // Acknowledged (so it is not redelivered forever) but not forwarded; MQTT 5 clients see why.
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "MQTT: storing the message on {Topic} from {Client} failed; closing without PUBACK", e.ApplicationMessage.Topic, e.ClientId);
            e.ProcessPublish = false;
            e.CloseConnection = true;
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (server is null) return;
        try
        {
            await server.StopAsync();
        }
        catch (InvalidOperationException e)
        {
            // MQTTnet 5's listener cleanup can race a connection being accepted at that moment
            // ("collection was modified"); the sockets are closed by Dispose all the same, and a
            // failed stop must not keep the rest of the host from shutting down.
            logger.LogWarning(e, "MQTT: the embedded broker did not stop cleanly; disposing it");
        }
    }

    public ValueTask DisposeAsync()
    {
        server?.Dispose();
        return ValueTask.CompletedTask;
    }
}
