namespace Cerebellum.Rules;

/// <summary>Recent cases at the same place, excluding the current case: repetition is a risk signal in itself.</summary>
public sealed record HistoryFact
{
    public int UnitCases7Days { get; init; }

    public int UnitCases30Days { get; init; }

    public int BuildingCases7Days { get; init; }

    public int BuildingCases30Days { get; init; }
}
