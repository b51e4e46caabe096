using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cerebellum.Engine.Observability;

/// <summary>The engine's one Meter and one ActivitySource, both named "Cerebellum". Every instrument is declared here
/// so that docs/observability.md can list them from one place; the host decides whether anything is exported.</summary>
public static class Telemetry
{
    public const string Name = "Cerebellum";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Items accepted and committed at intake, tagged with the channel (signal, complaint, health-report, manual).</summary>
    public static readonly Counter<long> ItemsAccepted = Meter.CreateCounter<long>(
        "cerebellum.intake.accepted", "{item}", "Items accepted and stored at intake, by channel.");

    /// <summary>Items that joined or opened a case (committed), by item type.</summary>
    public static readonly Counter<long> ItemsProcessed = Meter.CreateCounter<long>(
        "cerebellum.intake.processed", "{item}", "Items processed into a case (opened or joined), by item type.");

    public static readonly Counter<long> CasesOpened = Meter.CreateCounter<long>(
        "cerebellum.cases.opened", "{case}", "Cases opened, by risk level of their first assessment.");

    public static readonly Counter<long> SlaBreaches = Meter.CreateCounter<long>(
        "cerebellum.sla.breaches", "{breach}", "Task deadlines missed (SlaBreached events committed).");

    public static readonly Counter<long> Escalations = Meter.CreateCounter<long>(
        "cerebellum.escalations", "{escalation}", "Escalation steps taken (CaseEscalated events committed), by target.");

    public static readonly Histogram<double> AssessmentTime = Meter.CreateHistogram<double>(
        "cerebellum.assessment.duration", "s", "Time the rule pack takes to assess one item.");

    public static readonly Histogram<double> SignalToCase = Meter.CreateHistogram<double>(
        "cerebellum.signal.to_case", "s", "From a signal's receipt to its commit on a case.");

    public static readonly Counter<long> MailSent = Meter.CreateCounter<long>(
        "cerebellum.mail.sent", "{mail}", "Mails handed to the SMTP server, by template.");

    public static readonly Counter<long> MailFailedAttempts = Meter.CreateCounter<long>(
        "cerebellum.mail.failed_attempts", "{attempt}", "Mail delivery attempts that failed and may be retried, by template.");

    public static readonly Counter<long> MailDeadLettered = Meter.CreateCounter<long>(
        "cerebellum.mail.dead_lettered", "{mail}", "Mails given up on (moved to the dead letters), by template.");

    /// <summary>Set by <see cref="QueueDepthSampler"/>; -1 until the first sample (no database answer yet).</summary>
    internal static long queueIncoming = -1, queueScheduled = -1;

    static Telemetry()
    {
        // Handled envelopes stay in the table for a while (duplicate detection): only these two states are work to do.
        Meter.CreateObservableGauge("cerebellum.queue.depth", () => new[]
        {
            new Measurement<long>(Interlocked.Read(ref queueIncoming), Tag("status", "incoming")),
            new Measurement<long>(Interlocked.Read(ref queueScheduled), Tag("status", "scheduled")),
        }, "{envelope}",
            "Messages in Wolverine's durable inbox in PostgreSQL: waiting to be handled (incoming) or timers not yet due (scheduled). Sampled every few seconds; -1 before the first sample.");
    }

    public static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
