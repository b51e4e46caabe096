namespace Cerebellum.Rules;

/// <summary>
/// The household living at the unit, reduced to the flags that change risk. No names or ids reach rules:
/// data minimisation starts here.
/// </summary>
public sealed record HouseholdFact
{
    /// <summary>False when the unit has no registered household (or the trigger is in a common area).</summary>
    public bool Known { get; init; }

    /// <summary>Number of registered members.</summary>
    public int Size { get; init; }

    /// <summary>An elderly person (独居老人) is the only registered member.</summary>
    public bool ElderlyLivingAlone { get; init; }

    /// <summary>Age of the oldest member in years; 0 when unknown.</summary>
    public int EldestAge { get; init; }

    public bool HasDisability { get; init; }

    /// <summary>Any member under 18.</summary>
    public bool HasMinors { get; init; }

    /// <summary>Any member under 3.</summary>
    public bool HasInfants { get; init; }

    /// <summary>The household is on the community's care list (关爱对象).</summary>
    public bool CareGroup { get; init; }
}
