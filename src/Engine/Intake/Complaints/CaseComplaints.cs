using Cerebellum.Engine.Cases.Inbox;
using Marten;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>The complaints on a case, for the people handling it. Contact details are personal data (DESIGN.md):
/// readers redact them to the viewer's clearance (Privacy.Redaction).</summary>
public static class CaseComplaints
{
    public static async Task<IReadOnlyList<ComplaintRecord>> LoadAsync(IQuerySession session, Guid caseId, CancellationToken ct) =>
        await session.Query<ComplaintRecord>()
            .Where(c => c.CaseId == caseId)
            .OrderBy(c => c.RequestedAt)
            .ToListAsync(ct);
}
