using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Signals;
using JasperFx;
using Marten;
using Wolverine;

namespace Cerebellum.Engine.Cases.Lifecycle;

public enum CaseCommandStatus { Done, NotFound, Conflict, Refused }

/// <summary>What a command did. Version is the case's stream version after it (or the current one on a conflict).</summary>
public sealed record CaseCommandResult(CaseCommandStatus Status, long Version, string? Problem = null);

/// <summary>Runs a case command: load the case, check the caller saw its latest version (optimistic
/// concurrency: a stale update must not overwrite what someone else just did), decide, append.</summary>
public static class CaseCommands
{
    /// <param name="timers">When given (the bus the session is enrolled with), tasks the decision issues or re-issues
    /// get their deadline timers in the same transaction.</param>
    /// <param name="audit">Who acted, recorded in the audit trail in the same transaction as the case's events.</param>
    public static async Task<CaseCommandResult> RunAsync(
        IDocumentSession session, Guid caseId, long expectedVersion, Func<Case, Decision> decide, CancellationToken ct,
        IMessageBus? timers = null, AuditRequest? audit = null)
    {
        var stream = await session.Events.FetchForWriting<Case>(caseId, ct);
        if (stream.Aggregate is not { } current) return new(CaseCommandStatus.NotFound, 0);
        if (stream.CurrentVersion != expectedVersion) return Conflict(stream.CurrentVersion ?? 0);

        var decision = decide(current);
        if (decision.Refusal is { } refusal) return new(CaseCommandStatus.Refused, expectedVersion, refusal);

        stream.AppendMany(decision.Events);
        if (LeavesActiveSet(decision.Events)) ReleaseCorrelation(session, current);
        if (timers is not null) await Tasks.DeadlineTimers.ScheduleAsync(timers, caseId, decision.Events);
        if (audit is not null && decision.Events.Count > 0) await RecordAsync(session, audit, caseId, decision.Events, ct);
        return await SaveAsync(session, caseId, expectedVersion + decision.Events.Count, ct);
    }

    /// <summary>Merges source into target in one transaction; both versions must be current.</summary>
    public static async Task<CaseCommandResult> MergeAsync(
        IDocumentSession session, Guid sourceId, long sourceVersion, Guid targetId, long targetVersion, string by,
        DateTimeOffset now, CancellationToken ct, AuditRequest? audit = null)
    {
        var source = await session.Events.FetchForWriting<Case>(sourceId, ct);
        var target = await session.Events.FetchForWriting<Case>(targetId, ct);
        if (source.Aggregate is null || target.Aggregate is null) return new(CaseCommandStatus.NotFound, 0);
        if (source.CurrentVersion != sourceVersion) return Conflict(source.CurrentVersion ?? 0);
        if (target.CurrentVersion != targetVersion) return Conflict(target.CurrentVersion ?? 0);

        var (fromSource, intoTarget) = CaseTransitions.Merge(source.Aggregate, target.Aggregate, by, now);
        if (fromSource.Refusal is { } refusal) return new(CaseCommandStatus.Refused, targetVersion, refusal);

        source.AppendMany(fromSource.Events);
        target.AppendMany(intoTarget.Events);
        if (audit is not null) await RecordAsync(session, audit with { Detail = $"merged case {sourceId} into this one" }, targetId, intoTarget.Events, ct);
        ReleaseCorrelation(session, source.Aggregate);

        // Moved signals now answer the target case when a gateway asks where they went.
        var moved = await session.LoadManyAsync<SignalRecord>(ct, source.Aggregate.ItemIds);
        foreach (var signal in moved) signal.CaseId = targetId;
        session.Store(moved.ToArray());
        return await SaveAsync(session, targetId, targetVersion + intoTarget.Events.Count, ct);
    }

    private static Task RecordAsync(IDocumentSession session, AuditRequest audit, Guid caseId, IEnumerable<object> events, CancellationToken ct) =>
        AuditTrail.RecordAsync(session, audit with
        {
            CaseId = caseId,
            Detail = (audit.Detail is null ? "" : audit.Detail + ": ") + string.Join(", ", events.Select(e => e.GetType().Name)),
        }, ct);

    private static bool LeavesActiveSet(IEnumerable<object> events) =>
        events.Any(e => e is CaseResolved or CaseCancelled or CaseMergedInto or CaseClosed);

    // Frees the correlation key so the next alarm from that device opens a new case instead of
    // attaching to one that is already dealt with.
    private static void ReleaseCorrelation(IDocumentSession session, Case c) =>
        session.DeleteWhere<OpenCaseIndex>(x => x.Id == c.CorrelationKey && x.CaseId == c.Id);

    private static async Task<CaseCommandResult> SaveAsync(IDocumentSession session, Guid caseId, long version, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
            return new(CaseCommandStatus.Done, version);
        }
        catch (ConcurrencyException)
        {
            // Someone appended between our read and our write: report the version they left.
            var state = await session.Events.FetchStreamStateAsync(caseId, ct);
            return Conflict(state?.Version ?? 0);
        }
    }

    private static CaseCommandResult Conflict(long current) =>
        new(CaseCommandStatus.Conflict, current, $"The case has changed since you loaded it; it is now at version {current}.");
}
