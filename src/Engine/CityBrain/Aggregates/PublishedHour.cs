using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.CityBrain.Aggregates;

/// <summary>An hour whose aggregates went into the outbox, with what they said. Its unique id (the hour) is what
/// makes each hour go out once across nodes; the cells are the record of what was shared upward.</summary>
public sealed class PublishedHour
{
    /// <summary>The hour in UTC, e.g. <c>2026-11-28T13Z</c>.</summary>
    [Public]
    public string Id { get; set; } = "";
    [Public]
    public DateTimeOffset HourStart { get; set; }
    [Public]
    public DateTimeOffset PublishedAt { get; set; }
    [Public]
    public List<Cell> Cells { get; set; } = [];
}
