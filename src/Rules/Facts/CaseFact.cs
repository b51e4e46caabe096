namespace Cerebellum.Rules;

/// <summary>The case the trigger belongs to, as it stands before this assessment.</summary>
public sealed record CaseFact
{
    /// <summary>True when the trigger opened the case.</summary>
    public bool IsNew { get; init; }

    /// <summary>All items correlated into the case, including the trigger.</summary>
    public int ItemCount { get; init; }

    /// <summary>Device signals among the items.</summary>
    public int SignalCount { get; init; }

    /// <summary>How many different devices reported into the case (corroboration).</summary>
    public int DistinctDevices { get; init; }

    /// <summary>Minutes since the case was opened.</summary>
    public double AgeMinutes { get; init; }

    /// <summary>"" when not yet assessed, else red | orange | yellow | blue.</summary>
    public string CurrentLevel { get; init; } = "";
}
