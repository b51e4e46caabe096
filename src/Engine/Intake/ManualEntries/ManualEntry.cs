using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Signals;
using Marten;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Cerebellum.Engine.Intake.ManualEntries;

/// <summary>What a grid worker or handler saw and typed in (a phone call, a walk round the compound,
/// a public-health emergency). EntryId lets a double-clicked form create one case, not two.</summary>
public sealed class ManualEntrySubmission
{
    public string? EntryId { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public string? OccurredAt { get; set; }
    public int? Severity { get; set; }
    public ItemLocation? Location { get; set; }
}

public sealed record ManualEntryAttached(
    [property: Public] Guid CaseId, [property: Public] Guid EntryId, [property: Public] string Kind, [property: Public] int Severity,
    [property: Internal(MaskFormat.FreeText)] string Description, [property: Internal] string By, [property: Public] DateTimeOffset OccurredAt,
    [property: Public] DateTimeOffset At);

/// <summary>Remembers which case an entry went into, for idempotent re-submission.</summary>
public sealed record ManualEntryRecord([property: Public] Guid Id, [property: Internal] string By, [property: Public] Guid CaseId);

public sealed class ManualEntryIntake(OutboxedSessionFactory sessions, IWolverineRuntime runtime, CaseIntake intake, TimeProvider clock)
{
    public static Dictionary<string, string[]> Validate(ManualEntrySubmission e, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (e.EntryId is { Length: > 128 }) errors["entryId"] = ["entryId is at most 128 characters."];
        if (string.IsNullOrWhiteSpace(e.Kind) || !System.Text.RegularExpressions.Regex.IsMatch(e.Kind, "^[a-z][a-z0-9-]{1,63}$"))
            errors["kind"] = ["kind is lowercase letters, digits and dashes, e.g. \"public-health-emergency\"."];
        if (string.IsNullOrWhiteSpace(e.Description)) errors["description"] = ["Describe what happened."];
        else if (e.Description.Length > 4000) errors["description"] = ["description is at most 4,000 characters."];
        if (e.OccurredAt is not null && SignalValidation.ParseOccurredAt(e.OccurredAt) is not { } at)
            errors["occurredAt"] = ["occurredAt must be ISO 8601 with an offset."];
        else if (e.OccurredAt is not null && SignalValidation.TimeProblem(SignalValidation.ParseOccurredAt(e.OccurredAt)!.Value, now) is { } problem)
            errors["occurredAt"] = [problem];
        if (e.Severity is < 0 or > 5) errors["severity"] = ["severity is from 0 to 5."];
        if (e.Location?.Compound is null && e.Location?.Building is null && e.Location?.Unit is null)
            errors["location"] = ["Say where: location.compound, location.building or location.unit."];
        return errors;
    }

    public async Task<Guid> AcceptAsync(string by, ManualEntrySubmission e, CancellationToken ct)
    {
        var id = SignalRecord.IdFor("manual:" + by, e.EntryId ?? Guid.NewGuid().ToString());
        return await RaceRetry.RunAsync(async () =>
        {
            // Outboxed: the case's task deadline timers commit with the entry or not at all.
            var bus = new MessageContext(runtime);
            await using var session = sessions.OpenSession(bus);
            if (await session.LoadAsync<ManualEntryRecord>(id, ct) is { } existing) return existing.CaseId;
            var now = clock.GetUtcNow();
            var occurredAt = e.OccurredAt is null ? now : SignalValidation.ParseOccurredAt(e.OccurredAt)!.Value;
            var item = new IncomingItem(id, "manual", e.Kind!, e.Severity ?? 3, occurredAt, by, "", e.Description!.Trim(),
                e.Location!);
            var caseId = await intake.OpenOrAttachAsync(session, bus, item,
                c => new ManualEntryAttached(c, id, e.Kind!, item.Severity, item.Text, by, occurredAt, now), now, ct);
            session.Insert(new ManualEntryRecord(id, by, caseId));
            await session.SaveChangesAsync(ct);
            return caseId;
        });
    }
}
