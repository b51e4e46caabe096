namespace Cerebellum.Engine.Cases.Lifecycle;

/// <summary>The outcome of a pure decision: events to append, or the reason the command is refused.</summary>
public sealed record Decision(IReadOnlyList<object> Events, string? Refusal)
{
    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision Refuse(string reason) => new([], reason);
}

/// <summary>The case state machine (DESIGN.md): open → assessed → dispatched → in progress → resolved
/// → closed, plus reopened, merged and cancelled. Pure: state + command → events or a refusal.</summary>
public static class CaseTransitions
{
    public static Decision StartWork(Case c, string by, string? note, DateTimeOffset now) => c.Status switch
    {
        CaseStatus.Assessed or CaseStatus.Dispatched or CaseStatus.Reopened => Decision.Accept(new CaseWorkStarted(c.Id, by, note, now)),
        CaseStatus.InProgress => Decision.Accept(), // already under way: nothing to record
        _ => Decision.Refuse($"Work cannot start on a case that is {Name(c.Status)}."),
    };

    public static Decision Resolve(Case c, string by, string note, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(note) ? Decision.Refuse("Say how the case was resolved (note).")
        : c.Status switch
        {
            CaseStatus.Assessed or CaseStatus.Dispatched or CaseStatus.InProgress or CaseStatus.Reopened =>
                Decision.Accept(new CaseResolved(c.Id, by, note.Trim(), now)),
            _ => Decision.Refuse($"A case that is {Name(c.Status)} cannot be resolved."),
        };

    public static Decision Close(Case c, string by, string? note, DateTimeOffset now) => c.Status == CaseStatus.Resolved
        ? Decision.Accept(new CaseClosed(c.Id, by, note, now))
        : Decision.Refuse($"Only a resolved case can be closed; this one is {Name(c.Status)}.");

    public static Decision Reopen(Case c, string by, string reason, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(reason) ? Decision.Refuse("Say why the case is reopened (reason).")
        : c.Status is CaseStatus.Resolved or CaseStatus.Closed
            ? Decision.Accept(new CaseReopened(c.Id, by, reason.Trim(), now))
            : Decision.Refuse($"Only a resolved or closed case can be reopened; this one is {Name(c.Status)}.");

    public static Decision Cancel(Case c, string by, string reason, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(reason) ? Decision.Refuse("Say why the case is cancelled (reason), e.g. a confirmed false alarm.")
        : c.IsActive
            ? Decision.Accept(new CaseCancelled(c.Id, by, reason.Trim(), now))
            : Decision.Refuse($"A case that is {Name(c.Status)} cannot be cancelled.");

    /// <summary>Merging moves every item of the source into the target; both streams tell the story.</summary>
    public static (Decision Source, Decision Target) Merge(Case source, Case target, string by, DateTimeOffset now)
    {
        if (source.Id == target.Id) return Refused("A case cannot be merged into itself.");
        if (!source.IsActive) return Refused($"The case being merged is {Name(source.Status)}.");
        if (!target.IsActive) return Refused($"The case to merge into is {Name(target.Status)}.");
        return (Decision.Accept(new CaseMergedInto(source.Id, target.Id, by, now)),
            Decision.Accept(new CaseAbsorbed(target.Id, source.Id, source.ItemIds, source.SignalCount, source.DeviceIds, by, now)));

        static (Decision, Decision) Refused(string reason) => (Decision.Refuse(reason), Decision.Refuse(reason));
    }

    private static string Name(CaseStatus status) => status.ToString().ToLowerInvariant();
}
