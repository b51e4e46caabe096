using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Signals;
using Marten;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Cerebellum.Engine.Intake.HealthReports;

/// <summary>Stores a health report and puts it on its case in one transaction, answering the case id.
/// Synchronous on purpose: the station's nurse sees at once which case her report joined.</summary>
public sealed class HealthReportIntake(OutboxedSessionFactory sessions, IWolverineRuntime runtime, CaseIntake intake, TimeProvider clock)
{
    public async Task<HealthReportRecord> AcceptAsync(string station, HealthReportSubmission r, CancellationToken ct)
    {
        var id = SignalRecord.IdFor("health:" + station, r.ReportId!);
        // A concurrent item may open or change the case (or the same report race in): retried.
        return await RaceRetry.RunAsync(async () =>
        {
            // Outboxed: the case's task deadline timers commit with the report or not at all.
            var bus = new MessageContext(runtime);
            await using var session = sessions.OpenSession(bus);
            return await session.LoadAsync<HealthReportRecord>(id, ct) ?? await StoreAsync(session, bus, id, station, r, ct);
        });
    }

    private async Task<HealthReportRecord> StoreAsync(IDocumentSession session, IMessageBus bus, Guid id, string station, HealthReportSubmission r, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var occurredAt = SignalValidation.ParseOccurredAt(r.OccurredAt!)!.Value;
        var sensitive = new HealthDetails(r.Subject?.Trim() ?? "", r.Details?.Trim() ?? "");
        var location = r.Location ?? new ItemLocation(null, null, null);
        var item = new IncomingItem(id, "health", r.Kind!, r.Severity ?? 2, occurredAt, station, "", "", location);

        var caseId = await intake.OpenOrAttachAsync(session, bus, item,
            c => new HealthReportAttached(c, id, station, r.Kind!, item.Severity, occurredAt, sensitive, now), now, ct);
        var record = new HealthReportRecord(id, station, r.ReportId!, r.Kind!, item.Severity, occurredAt, location, sensitive, now, caseId);
        session.Insert(record);
        await session.SaveChangesAsync(ct);
        return record;
    }
}
