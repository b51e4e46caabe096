using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Opening;
using Marten;
using Wolverine;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>Turns a stored complaint into a case item through the one intake path (correlated by unit,
/// else building, else the address as written, and category; assessed with Trigger.ItemType
/// "complaint", Trigger.Kind the service's category and Trigger.Text the description). One
/// transaction, like signals: a crash leaves nothing or everything, and re-delivery is harmless.
/// The resident's contact stays in the complaint document, never in the event stream.</summary>
public static class ProcessComplaintHandler
{
    /// <summary>Residents do not grade their complaints; rules see this severity for every one (back-tests too).</summary>
    public const int Severity = 2;

    public static async Task Handle(
        ProcessComplaint message, IDocumentSession session, IMessageContext context, CaseIntake intake, TimeProvider clock,
        CancellationToken ct)
    {
        var complaint = await session.LoadAsync<ComplaintRecord>(message.ComplaintId, ct);
        if (complaint is null || complaint.CaseId is not null) return;

        var now = clock.GetUtcNow();
        var place = complaint.Location.Registry;
        var item = new IncomingItem(complaint.Id, "complaint", complaint.Kind, Severity, complaint.RequestedAt, complaint.Channel,
            "", complaint.Description,
            new ItemLocation(NullIfEmpty(place.Compound), NullIfEmpty(place.Building), NullIfEmpty(place.Unit),
                NullIfEmpty(complaint.Location.Describe())));
        complaint.CaseId = await intake.OpenOrAttachAsync(session, context, item, caseId => new ComplaintAttached(caseId,
            complaint.Id, complaint.ServiceCode, complaint.Kind, complaint.Description, complaint.Channel,
            complaint.RequestedAt), now, ct);
        complaint.ProcessedAt = now;
        session.Store(complaint);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
