namespace Cerebellum.Portal.Mqtt;

/// <summary>Cerebellum:Mqtt. With no Broker:Host the app is the broker (embedded MQTTnet server on
/// 127.0.0.1:Port, like ThingsBoard's MQTT transport); with Broker:Host it subscribes to that broker.</summary>
public sealed class MqttSettings
{
    public bool Enabled { get; set; } = true;
    public string BindAddress { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1883;
    public BrokerSettings Broker { get; set; } = new();

    public bool UsesExternalBroker => !string.IsNullOrWhiteSpace(Broker.Host);
}

public sealed class BrokerSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 1883;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Stable across restarts: the broker keeps the persistent session (and queued messages) under it.</summary>
    public string ClientId { get; set; } = "cerebellum-intake";
    /// <summary>The source of signals whose JSON names none (the broker authenticated the device, not us).</summary>
    public string Source { get; set; } = "mqtt-broker";
    public double ReconnectMinSeconds { get; set; } = 1;
    public double ReconnectMaxSeconds { get; set; } = 30;
}
