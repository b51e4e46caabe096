namespace Cerebellum.Engine.Intake.Mqtt;

/// <summary>MQTT topic filters (OASIS MQTT 3.1.1 §4.7): '+' matches one level, '#' the rest.</summary>
public static class MqttTopicFilter
{
    /// <summary>Why a filter is invalid, or null when it is valid.</summary>
    public static string? Problem(string filter)
    {
        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#') && (level != "#" || i != levels.Length - 1))
                return $"'{filter}': '#' must be a whole level and the last one";
            if (level.Contains('+') && level != "+")
                return $"'{filter}': '+' must be a whole level";
        }
        return filter.Length == 0 ? "an empty topic filter matches nothing" : null;
    }

    public static bool Matches(string filter, string topic)
    {
        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#") return true;
            if (i >= t.Length) return false;
            if (f[i] != "+" && f[i] != t[i]) return false;
        }
        return f.Length == t.Length;
    }
}
