using Cerebellum.Engine.Privacy;
using Marten;

namespace Cerebellum.Engine.Audit;

/// <summary>
/// Reads of personal or sensitive data within one's own clearance (a property handler seeing the complainant's name
/// and phone, an administrator reading a building's households) need no stated purpose but are recorded (issue #7:
/// "reads of personal or sensitive data"). Only when such data was actually shown in full — the same items redacted
/// one class lower would have looked different — and at most once per reader, subject and hour, so a page that
/// refreshes itself does not flood the trail.
/// </summary>
public static class PersonalDataReads
{
    public static readonly TimeSpan Quiet = TimeSpan.FromHours(1);

    /// <summary>True when <paramref name="items"/> show more at <paramref name="clearance"/> than at internal.</summary>
    public static bool ShowsPersonalData(IEnumerable<object> items, DataClass clearance) =>
        clearance >= DataClass.Personal && items.Any(i =>
            Redaction.ToJson(i, clearance)?.ToJsonString() != Redaction.ToJson(i, DataClass.Internal)?.ToJsonString());

    public static async Task RecordAsync(
        IDocumentStore store, string actor, Guid? caseId, string subject, DataClass clearance, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var since = now - Quiet;
        if (await session.Query<AuditEntryView>().AnyAsync(x => x.Actor == actor && x.Action == AuditActions.PersonalRead
                && x.Detail == subject && x.At > since, ct)) return;
        await AuditTrail.RecordAsync(session, new AuditRequest(actor, AuditActions.PersonalRead, now, caseId,
            Fields: [$"clearance:{clearance.ToString().ToLowerInvariant()}"], Detail: subject), ct);
        await session.SaveChangesAsync(ct);
    }
}
