using Marten;

namespace Cerebellum.Engine.Exports.EthicsReview;

/// <summary>What the City Brain exit delivered in a period. The feed (src/Engine/CityBrain) is not wired into this
/// build yet; until it is, nothing has been shared and the section says so.</summary>
public static class UpwardShares
{
    public static Task<IReadOnlyList<UpwardShare>> CountAsync(IQuerySession session, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<UpwardShare>>([]);
}
