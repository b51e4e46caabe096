using Marten;

namespace Cerebellum.Engine.Cases.Inbox;

/// <summary>Reads for the inbox page: active cases, most severe first, then the nearest deadline.</summary>
public static class InboxQuery
{
    public const int PageSize = 200;

    public static async Task<IReadOnlyList<CaseSummary>> ActiveCasesAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<CaseSummary>()
            .Where(c => c.IsActive)
            .OrderByDescending(c => c.LevelRank)
            .ThenBy(c => c.NextDueAt)
            .ThenByDescending(c => c.OpenedAt)
            .Take(PageSize)
            .ToListAsync(ct);
}
