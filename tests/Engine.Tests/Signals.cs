using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Registry;

namespace Cerebellum.Engine.Tests;

/// <summary>Builders for test signals and lookups into the sample community.</summary>
public static class Signals
{
    public static SignalSubmission Smoke(string deviceId, string? messageId = null, DateTimeOffset? at = null, int severity = 4) => new()
    {
        Source = "test-gateway",
        MessageId = messageId ?? Guid.NewGuid().ToString("N"),
        DeviceId = deviceId,
        Kind = "smoke",
        OccurredAt = (at ?? DateTimeOffset.UtcNow).ToString("O"),
        Severity = severity,
    };

    /// <summary>The smoke detector in a flat where one person aged 60 or more lives alone.</summary>
    public static Device SmokeDetectorOfElderlyLivingAlone(CommunityFile community)
    {
        var household = community.Households.First(h => h.ElderlyLivingAlone(DateTimeOffset.UtcNow.Year));
        return community.Devices.First(d => d.Kind == "smoke" && d.UnitId == household.UnitId);
    }

    /// <summary>A smoke detector in a flat of a family of several, none of them elderly.</summary>
    public static Device SmokeDetectorOfYoungFamily(CommunityFile community)
    {
        var year = DateTimeOffset.UtcNow.Year;
        var household = community.Households.First(h => h.Members.Count >= 2 && h.EldestAge(year) < 50);
        return community.Devices.First(d => d.Kind == "smoke" && d.UnitId == household.UnitId);
    }
}
