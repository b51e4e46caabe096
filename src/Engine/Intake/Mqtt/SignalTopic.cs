namespace Cerebellum.Engine.Intake.Mqtt;

/// <summary>The topics devices publish on: <c>communities/{community}/devices/{deviceId}/signals</c>
/// (our JSON or the gateway's vendor profile), or any topic a vendor profile's <c>match.topics</c>
/// names under <c>communities/{community}/</c>.</summary>
public sealed record SignalTopic(string Community, string? DeviceId)
{
    public const string Filter = "communities/+/devices/+/signals";

    /// <summary>Community and (on the standard topic) device id, or null when the topic is not ours.</summary>
    public static SignalTopic? Parse(string topic)
    {
        var levels = topic.Split('/');
        if (levels.Length < 3 || levels[0] != "communities" || levels[1].Length == 0) return null;
        var standard = levels is [_, _, "devices", { Length: > 0 }, "signals"];
        return new SignalTopic(levels[1], standard ? levels[3] : null);
    }
}
