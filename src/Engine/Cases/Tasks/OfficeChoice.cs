using Cerebellum.Engine.Registry;
using Cerebellum.Rules;
using Marten;

namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>Which office of a party takes a case's task: the one whose jurisdiction covers the compound, a specific
/// jurisdiction before a catch-all, ties by id so the choice is stable. Used by dispatch at intake, 协办 and 退单.</summary>
public static class OfficeChoice
{
    public static Office? For(IEnumerable<Office> offices, Party party, string compound) =>
        offices.Where(o => o.Party == party && o.Covers(compound))
            .OrderBy(o => o.Compounds.Count == 0)
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Offices are a handful of reference rows; loading them all is cheaper than one query per party.</summary>
    public static async Task<IReadOnlyList<Office>> AllAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<Office>().ToListAsync(ct);
}
