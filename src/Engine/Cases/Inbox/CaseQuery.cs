using Cerebellum.Rules;
using Marten;
using Marten.Pagination;

namespace Cerebellum.Engine.Cases.Inbox;

/// <summary>Filters of the case list; every one optional. Dates bound when the case was opened.</summary>
public sealed record CaseFilter(
    CaseStatus? Status = null, RiskLevel? Level = null, string? Category = null, string? Office = null,
    string? Compound = null, string? Building = null, DateTimeOffset? OpenedFrom = null, DateTimeOffset? OpenedTo = null,
    bool? Overdue = null, bool? Active = null, int Page = 1, int PageSize = 50, bool? Escalated = null)
{
    public const int MaxPageSize = 200;
}

public sealed record CasePage(IReadOnlyList<CaseSummary> Items, long Total, int Page, int PageSize);

/// <summary>The case list behind inboxes and the query API: most severe first, then the nearest deadline.</summary>
public static class CaseQuery
{
    public static async Task<CasePage> FindAsync(IQuerySession session, CaseFilter f, DateTimeOffset now, CancellationToken ct)
    {
        var q = session.Query<CaseSummary>().AsQueryable();
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        if (f.Active is { } active) q = q.Where(c => c.IsActive == active);
        if (f.Level is { } level) q = q.Where(c => c.Level == level);
        if (f.Category is { } category) q = q.Where(c => c.Category == category);
        if (f.Office is { } office) q = q.Where(c => c.OfficeIds.Contains(office));
        if (f.Compound is { } compound) q = q.Where(c => c.CompoundId == compound);
        if (f.Building is { } building) q = q.Where(c => c.BuildingId == building);
        if (f.OpenedFrom is { } from) q = q.Where(c => c.OpenedAt >= from);
        if (f.OpenedTo is { } to) q = q.Where(c => c.OpenedAt < to);
        if (f.Overdue == true) q = q.Where(c => c.IsActive && c.NextDueAt < now);
        if (f.Overdue == false) q = q.Where(c => !(c.IsActive && c.NextDueAt < now));
        // 督办 taken and the case still to be acted on: the supervisor's list.
        if (f.Escalated == true) q = q.Where(c => c.IsActive && c.IsEscalated);
        if (f.Escalated == false) q = q.Where(c => !(c.IsActive && c.IsEscalated));

        var page = await q.OrderByDescending(c => c.LevelRank).ThenBy(c => c.NextDueAt).ThenByDescending(c => c.OpenedAt)
            .ToPagedListAsync(f.Page, f.PageSize, ct);
        return new CasePage(page.ToList(), page.TotalItemCount, f.Page, f.PageSize);
    }
}
