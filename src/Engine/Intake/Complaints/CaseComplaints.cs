using Cerebellum.Engine.Cases.Inbox;
using Marten;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>The complaints on a case, for the people handling it. Contact details are personal data
/// (DESIGN.md): shown only to a party on the case, i.e. a user whose office holds one of its tasks.</summary>
public static class CaseComplaints
{
    public static async Task<IReadOnlyList<ComplaintRecord>> LoadAsync(IQuerySession session, Guid caseId, CancellationToken ct) =>
        await session.Query<ComplaintRecord>()
            .Where(c => c.CaseId == caseId)
            .OrderBy(c => c.RequestedAt)
            .ToListAsync(ct);

    public static bool MaySeeContact(CaseSummary summary, string? officeId) =>
        officeId is not null && summary.Tasks.Any(t => t.OfficeId == officeId);
}
