namespace Cerebellum.Rules;

/// <summary>The device that sent the trigger; all empty for complaints and health reports.</summary>
public sealed record DeviceFact
{
    /// <summary>False for unknown devices (the signal carried its own location).</summary>
    public bool Registered { get; init; }

    public string Id { get; init; } = "";

    /// <summary>smoke-detector, gas-detector, water-sensor, door-contact, camera, lift-controller, ...</summary>
    public string Kind { get; init; } = "";

    public string Vendor { get; init; } = "";
}
