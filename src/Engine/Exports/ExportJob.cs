using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Exports;

public enum ExportStatus { Queued, Running, Done, Failed }

/// <summary>An export being produced in the background; the portal polls it for progress.</summary>
public sealed class ExportJob
{
    [Public]
    public Guid Id { get; set; }
    [Public]
    public string Kind { get; set; } = "";
    [Public]
    public DateTimeOffset From { get; set; }
    [Public]
    public DateTimeOffset To { get; set; }
    [Public]
    public string Scope { get; set; } = "";
    [Public]
    public string Language { get; set; } = "zh-CN";
    [Internal]
    public string RequestedBy { get; set; } = "";
    [Public]
    public DateTimeOffset RequestedAt { get; set; }
    [Public]
    public ExportStatus Status { get; set; }
    /// <summary>0–100.</summary>
    [Public]
    public int Progress { get; set; }
    [Public]
    public string? Digest { get; set; }
    [Internal]
    public string? Error { get; set; }
    [Public]
    public DateTimeOffset? CompletedAt { get; set; }
    [Public]
    public IReadOnlyList<string> Files { get; set; } = [];
}

/// <summary>A produced file, kept apart from the job so polling the job never drags megabytes along.</summary>
public sealed record ExportFile([property: Public] string Id, [property: Public] Guid JobId, [property: Public] string Name, [property: Public] string ContentType, [property: Internal] byte[] Content)
{
    public static string IdFor(Guid jobId, string name) => $"{jobId:N}/{name}";
}
