using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Policies;
using Marten;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>Turns a stored complaint into a case, or attaches it to the open case for the same unit and
/// category from the last 24 hours; assesses with the rule pack in force (Trigger.ItemType "complaint",
/// Trigger.Kind the service's category, Trigger.Text the description); routes; appends the events.
/// One transaction, like signals: a crash leaves nothing or everything, and re-delivery is harmless.</summary>
public static class ProcessComplaintHandler
{
    public static async Task Handle(
        ProcessComplaint message, IDocumentSession session, PolicyCatalog policies, TimeProvider clock,
        CancellationToken ct)
    {
        var complaint = await session.LoadAsync<ComplaintRecord>(message.ComplaintId, ct);
        if (complaint is null || complaint.CaseId is not null) return;

        var now = clock.GetUtcNow();
        var context = await CaseContext.LoadAsync(session, complaint.Location.Registry, device: null, detail: "",
            fallbackLabel: complaint.Location.Describe(), ct);
        var found = await CaseStreams.FindAsync(session, ComplaintCorrelation.KeyFor(complaint),
            open => ComplaintCorrelation.Joins(open, complaint.RequestedAt), now, ct);

        var history = await CaseContext.HistoryAsync(session, context.Location, found.CaseId, now, ct);
        var facts = FactsBuilder.Build(complaint, found.Current, context, history, policies.Calendar, now);
        var assessment = policies.RulePack.Assess(facts);
        var dispatch = await OfficeAssignment.DispatchAsync(session, policies, assessment, found.Current,
            context.Location.Compound, now, ct);

        var events = CaseDecisions.OnComplaint(found.Current, found.CaseId, found.Key, context.Location, complaint,
            assessment, dispatch.Tasks, dispatch.WorkflowId, dispatch.WorkflowVersion, now);
        CaseStreams.Write(session, found, events, now);

        complaint.CaseId = found.CaseId;
        complaint.ProcessedAt = now;
        session.Store(complaint);
    }
}
