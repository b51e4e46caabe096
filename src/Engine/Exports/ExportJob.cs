namespace Cerebellum.Engine.Exports;

public enum ExportStatus { Queued, Running, Done, Failed }

/// <summary>An export being produced in the background; the portal polls it for progress.</summary>
public sealed class ExportJob
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public DateTimeOffset From { get; set; }
    public DateTimeOffset To { get; set; }
    public string Scope { get; set; } = "";
    public string Language { get; set; } = "zh-CN";
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public ExportStatus Status { get; set; }
    /// <summary>0–100.</summary>
    public int Progress { get; set; }
    public string? Digest { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public IReadOnlyList<string> Files { get; set; } = [];
}

/// <summary>A produced file, kept apart from the job so polling the job never drags megabytes along.</summary>
public sealed record ExportFile(string Id, Guid JobId, string Name, string ContentType, byte[] Content)
{
    public static string IdFor(Guid jobId, string name) => $"{jobId:N}/{name}";
}
