using Cerebellum.Engine.Intake.Signals;
using Wolverine;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Processes an accepted batch one signal at a time, each in its own transaction with its own
/// retries (InvokeAsync runs the ProcessSignal handler inline). If one still fails, the batch message
/// is retried; signals already on a case are skipped, so nothing is processed twice.</summary>
public static class ProcessSignalsHandler
{
    public static async Task Handle(ProcessSignals message, IMessageBus bus, CancellationToken ct)
    {
        foreach (var id in message.SignalIds)
            await bus.InvokeAsync(new ProcessSignal(id), ct);
    }
}
