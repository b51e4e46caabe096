namespace Cerebellum.Portal.Mqtt;

/// <summary>What the MQTT channel is doing now, for /health. Informational: HTTP intake works without MQTT,
/// so an MQTT problem does not make the node unhealthy, but an operator must be able to see it.</summary>
public sealed class MqttChannelStatus
{
    private volatile string state = "off";
    public string State => state;
    public void Set(string value) => state = value;
}
