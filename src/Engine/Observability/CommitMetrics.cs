using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Intake.ManualEntries;
using Cerebellum.Engine.Intake.Signals;
using Marten;
using Marten.Services;

namespace Cerebellum.Engine.Observability;

/// <summary>Counts what PostgreSQL committed, not what a handler meant to do: a transaction that is rolled back and
/// retried (a race, a crash before commit) counts once, when it finally lands.</summary>
public sealed class CommitMetrics(TimeProvider clock) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var document in commit.Inserted)
        {
            var channel = document switch
            {
                SignalRecord => "signal",
                ComplaintRecord => "complaint",
                HealthReportRecord => "health-report",
                ManualEntryRecord => "manual",
                _ => null,
            };
            if (channel is not null) Telemetry.ItemsAccepted.Add(1, Telemetry.Tag("channel", channel));
        }

        var events = commit.GetEvents().Select(e => e.Data).ToList();
        var now = clock.GetUtcNow();
        foreach (var data in events)
        {
            switch (data)
            {
                case CaseOpened opened:
                    var level = events.OfType<RiskAssessed>().FirstOrDefault(a => a.CaseId == opened.CaseId)?.Level.ToString() ?? "none";
                    Telemetry.CasesOpened.Add(1, Telemetry.Tag("level", level));
                    break;
                case SignalAttached signal:
                    Telemetry.ItemsProcessed.Add(1, Telemetry.Tag("type", "signal"));
                    Telemetry.SignalToCase.Record(Math.Max(0, (now - signal.ReceivedAt).TotalSeconds));
                    break;
                case ComplaintAttached:
                    Telemetry.ItemsProcessed.Add(1, Telemetry.Tag("type", "complaint"));
                    break;
                case HealthReportAttached:
                    Telemetry.ItemsProcessed.Add(1, Telemetry.Tag("type", "health-report"));
                    break;
                case ManualEntryAttached:
                    Telemetry.ItemsProcessed.Add(1, Telemetry.Tag("type", "manual"));
                    break;
                case SlaBreached:
                    Telemetry.SlaBreaches.Add(1);
                    break;
                case CaseEscalated escalated:
                    Telemetry.Escalations.Add(1, Telemetry.Tag("to", escalated.To));
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
