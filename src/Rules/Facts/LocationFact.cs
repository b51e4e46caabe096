namespace Cerebellum.Rules;

/// <summary>Where the trigger happened, resolved through the registry (device location or reported address).</summary>
public sealed record LocationFact
{
    /// <summary>False when the location could not be resolved; the other members are then empty.</summary>
    public bool Known { get; init; }

    public string Community { get; init; } = "";

    /// <summary>The residential compound (小区).</summary>
    public string Compound { get; init; } = "";

    public string Building { get; init; } = "";

    /// <summary>The flat (户); empty for common areas.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Floor number; 0 when unknown, negative for basements.</summary>
    public int Floor { get; init; }

    /// <summary>Stairwells, lobbies, lifts, car parks, grounds: nobody's flat.</summary>
    public bool IsCommonArea { get; init; }
}
