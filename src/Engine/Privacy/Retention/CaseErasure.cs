using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.Signals;
using Marten;

namespace Cerebellum.Engine.Privacy.Retention;

/// <summary>Erases one case's data of a class and above: from its event stream with Marten's event data masking
/// (the events stay, in order, with the erased fields overwritten in place), and from every document holding the
/// case's items. Then records <see cref="CaseDataErased"/> on the case and an <c>erased</c> audit entry, in one
/// transaction. Running it again does no harm (masking an erased event changes nothing), so a failure between the
/// two steps is repaired by the next sweep.</summary>
public static class CaseErasure
{
    public static bool IsOver(CaseStatus status) => status is CaseStatus.Closed or CaseStatus.Cancelled or CaseStatus.Merged;

    public sealed record Outcome(Guid CaseId, DataClass From, int EventsMasked, int DocumentsErased);

    /// <summary>Null when the case is still active (open, in progress, resolved or reopened): its personal data are
    /// still needed to handle it.</summary>
    public static async Task<Outcome?> EraseAsync(IDocumentStore store, Guid caseId, DataClass from, string reason, string by,
        Guid? requestId, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // The stream's row lock until commit: a reopen or a new event on this case waits for the erasure to finish,
        // and cannot slip in between the check below and the masking.
        var stream = await session.Events.FetchForExclusiveWriting<Case>(caseId, ct);
        if (stream.Aggregate is not { } current || !IsOver(current.Status)) return null;

        using (ErasureScope.Begin(from))
            await store.Advanced.ApplyEventDataMasking(x => x.IncludeStream(caseId), ct);
        var events = await session.Events.FetchStreamAsync(caseId, token: ct);

        var documents = 0;
        foreach (var c in await session.Query<ComplaintRecord>().Where(c => c.CaseId == caseId).ToListAsync(ct)) { session.Store(Erasure.Erase(c, from)); documents++; }
        foreach (var h in await session.Query<HealthReportRecord>().Where(h => h.CaseId == caseId).ToListAsync(ct)) { session.Store(Erasure.Erase(h, from)); documents++; }
        foreach (var s in await session.Query<SignalRecord>().Where(s => s.CaseId == caseId).ToListAsync(ct)) { session.Store(Erasure.Erase(s, from)); documents++; }

        // The correlation index entry names the unit; for a case that is over it only waits to be replaced.
        if (from <= DataClass.Personal) session.DeleteWhere<Cases.Opening.OpenCaseIndex>(i => i.CaseId == caseId);
        // The case summary is erased by its projection when it applies this event (same transaction).
        stream.AppendOne(new CaseDataErased(caseId, from, reason, by, requestId, events.Count, now));
        var types = events.Select(e => e.Data.GetType()).Append(typeof(CaseSummary)).Append(typeof(ComplaintRecord))
            .Append(typeof(HealthReportRecord)).Append(typeof(SignalRecord)).Distinct();
        await AuditTrail.RecordAsync(session, new AuditRequest(by, AuditActions.Erased, now, caseId,
            [.. types.SelectMany(t => Classification.FieldsFrom(t, from)).Distinct()], Detail: $"{reason}: {from.ToString().ToLowerInvariant()} and above"), ct);
        await session.SaveChangesAsync(ct);
        return new Outcome(caseId, from, events.Count, documents);
    }
}
