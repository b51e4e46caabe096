using Cerebellum.Engine.Privacy;
using Marten.Schema;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>At most one active case per correlation key (see <see cref="Correlation"/>). The key is the
/// document id, so two nodes racing to open a case for the same key cannot both succeed: the loser
/// gets a duplicate-key error, retries, and attaches to the winner's case. Replacing an entry whose
/// case is over (closed, or past the correlation window) is checked against <see cref="Version"/>
/// (optimistic concurrency), with the same outcome.</summary>
public sealed record OpenCaseIndex(
    [property: Internal(MaskFormat.Unit)] string Id, [property: Public] Guid CaseId, [property: Public] DateTimeOffset OpenedAt)
{
    [Version, Public]
    public Guid Version { get; set; }
}
