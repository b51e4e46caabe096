namespace Cerebellum.Rules;

/// <summary>The item that caused this assessment: a device signal, a resident complaint or a health report.</summary>
public sealed record TriggerFact
{
    /// <summary>signal | complaint | health.</summary>
    public string ItemType { get; init; } = "signal";

    /// <summary>What happened, in the shared vocabulary: smoke, gas, water-leak, door-forced, noise, fall-detected, ...</summary>
    public string Kind { get; init; } = "";

    /// <summary>0 (informational) to 5 (most severe), as reported by the source or its vendor profile.</summary>
    public int Severity { get; init; }

    /// <summary>The gateway, channel or office the item came from.</summary>
    public string Source { get; init; } = "";

    /// <summary>When it happened according to the source. Rules should prefer <see cref="ClockFact"/> for time of day.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Free text of a complaint or report; empty for most signals.</summary>
    public string Text { get; init; } = "";
}
