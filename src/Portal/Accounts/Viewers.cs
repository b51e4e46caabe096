using System.Security.Claims;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Accounts;

/// <summary>The signed-in user as the privacy rules see them (role, office, party, the office's compounds), and their
/// clearance on a case. Every read path asks here, then hands the value to <see cref="Redaction"/>.</summary>
public static class Viewers
{
    public static async Task<Viewer> ForAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return Viewer.Anonymous;
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        var officeId = user.FindFirstValue("office");
        var office = officeId is null ? null : await session.LoadAsync<Office>(officeId, ct);
        // An office that no longer exists covers nothing: the viewer keeps only what their role gives.
        return office is null
            ? new Viewer(role, null, null, [])
            : new Viewer(role, office.Id, office.Party.ToString().ToLowerInvariant(), office.Compounds);
    }

    public static DataClass On(this Viewer viewer, CaseSummary summary) =>
        Clearances.OnCase(viewer, new CaseScope(summary.CompoundId, summary.OfficeIds,
            [.. summary.Tasks.Where(t => t.OfficeId is null).Select(t => t.Party.ToString().ToLowerInvariant())]));
}
