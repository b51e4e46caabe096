using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Cerebellum.Engine.Observability;

namespace Cerebellum.Engine.Tests.Observability;

/// <summary>Listens to the engine's "Cerebellum" meter the way an exporter would and keeps every measurement.</summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> measurements = new();

    public MetricsRecorder()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Telemetry.Name) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Keep(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Keep(i, v, tags));
        listener.Start();
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        measurements.Enqueue((instrument.Name, value, copy));
    }

    public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Of(string name) =>
        measurements.Where(m => m.Name == name).Select(m => (m.Value, m.Tags)).ToList();

    public double Sum(string name, string? tag = null, object? value = null) =>
        Of(name).Where(m => tag is null || Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => m.Value);

    /// <summary>Asks the observable instruments (the queue-depth gauge) for their current value.</summary>
    public void Observe() => listener.RecordObservableInstruments();

    public void Dispose() => listener.Dispose();
}
