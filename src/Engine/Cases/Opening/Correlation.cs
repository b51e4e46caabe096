namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Which items belong to the same case (DESIGN.md, ThingsBoard-style alarms): by default one
/// active case per device and kind; per kind the scope can widen to the unit, the floor or the
/// building, so that two smoke detectors on one floor make one fire, not two.</summary>
public sealed class CorrelationOptions
{
    /// <summary>An item joins an active case only if it happened within this window after the case's latest item.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Kind → scope ("device", "unit", "floor", "building"). Unlisted kinds use "device".</summary>
    public Dictionary<string, string> Scopes { get; set; } = new(StringComparer.Ordinal);

    public static readonly string[] KnownScopes = ["device", "unit", "floor", "building"];

    public void Validate()
    {
        if (Window <= TimeSpan.Zero) throw new InvalidOperationException("Correlation window must be positive.");
        foreach (var (kind, scope) in Scopes)
            if (!KnownScopes.Contains(scope))
                throw new InvalidOperationException(
                    $"Correlation scope '{scope}' for kind '{kind}' is unknown; use one of {string.Join(", ", KnownScopes)}.");
    }
}

public static class Correlation
{
    /// <summary>The correlation key of an item. Scopes fall back to the device when the place is not known.</summary>
    public static string KeyFor(CorrelationOptions options, IncomingItem item, CaseLocation location, int floor)
    {
        var scope = options.Scopes.GetValueOrDefault(item.Kind, "device");
        var place = scope switch
        {
            "unit" when location.Unit != "" => $"unit:{location.Unit}",
            "floor" when location.Building != "" && floor > 0 => $"floor:{location.Building}/{floor}",
            "building" when location.Building != "" => $"building:{location.Building}",
            _ when item.DeviceId != "" => $"device:{item.DeviceId}",
            _ when location.Unit != "" => $"unit:{location.Unit}",
            _ when location.Building != "" => $"building:{location.Building}",
            _ when !string.IsNullOrWhiteSpace(item.Location.Address) =>
                "address:" + string.Concat(item.Location.Address.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant(),
            _ => $"item:{item.ItemId}", // nowhere to correlate on: a case of its own
        };
        return $"{place}|{item.ItemType}:{item.Kind}";
    }
}
