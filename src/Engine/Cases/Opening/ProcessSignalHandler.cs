using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Marten;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Turns a stored signal into a case: correlate, assess with the rule pack in force, route
/// with the case's workflow, and append the resulting events. All of it commits in one transaction
/// (Wolverine's transactional middleware), so a crash leaves either nothing or everything, and the
/// durable inbox re-delivers the message.</summary>
public static class ProcessSignalHandler
{
    public static async Task Handle(
        ProcessSignal message, IDocumentSession session, PolicyCatalog policies, TimeProvider clock,
        CancellationToken ct)
    {
        var signal = await session.LoadAsync<SignalRecord>(message.SignalId, ct);
        if (signal is null || signal.CaseId is not null) return; // already processed: re-delivery is harmless

        var now = clock.GetUtcNow();
        var context = await CaseContext.LoadAsync(session, signal, ct);
        var found = await CaseStreams.FindAsync(session, $"{signal.DeviceId}|{signal.Kind}", _ => true, now, ct);

        var history = await CaseContext.HistoryAsync(session, context.Location, found.CaseId, now, ct);
        var facts = FactsBuilder.Build(signal, found.Current, context, history, policies.Calendar, now);
        var assessment = policies.RulePack.Assess(facts);
        var dispatch = await OfficeAssignment.DispatchAsync(session, policies, assessment, found.Current,
            context.Location.Compound, now, ct);

        var events = CaseDecisions.OnSignal(found.Current, found.CaseId, found.Key, context.Location, signal, assessment,
            dispatch.Tasks, dispatch.WorkflowId, dispatch.WorkflowVersion, now);
        CaseStreams.Write(session, found, events, now);

        signal.CaseId = found.CaseId;
        signal.ProcessedAt = now;
        session.Store(signal);
    }
}
