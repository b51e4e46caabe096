using System.Globalization;
using System.Text.Json;
using Cerebellum.Engine.Intake.Signals;

namespace Cerebellum.Engine.Intake.Vendors;

/// <summary>Pure mapping of one vendor document to signal submissions by a profile. Every error names
/// the vendor's field path, because that is what the gateway's author can fix.</summary>
public static class VendorMapper
{
    public static VendorMappingResult Map(VendorProfile profile, JsonElement root, ChannelDefaults defaults)
    {
        var errors = new Dictionary<string, string[]>();
        var items = new List<(JsonElement Item, string Prefix)>();
        if (profile.Batch is { } batch)
        {
            var array = batch.Select(root, root);
            if (array is not { ValueKind: JsonValueKind.Array } list)
                errors[batch.Text] = ["Expected an array of events here."];
            else if (list.GetArrayLength() == 0)
                errors[batch.Text] = ["The array holds no events."];
            else if (list.GetArrayLength() > SignalValidation.MaxBatch)
                errors[batch.Text] = [$"At most {SignalValidation.MaxBatch} events per message."];
            else
                items.AddRange(list.EnumerateArray().Select((e, i) => (e, $"{batch.Text}[{i}].")));
        }
        else if (root.ValueKind != JsonValueKind.Object)
            errors["$"] = ["Expected a JSON object."];
        else
            items.Add((root, ""));

        var signals = new List<MappedSignal>();
        foreach (var (item, prefix) in items)
            if (MapItem(profile.Fields, root, item, prefix, defaults, errors) is { } mapped)
                signals.Add(mapped);
        return new VendorMappingResult(errors.Count == 0 ? signals : [], errors);
    }

    private static MappedSignal? MapItem(FieldRules rules, JsonElement root, JsonElement item, string prefix,
        ChannelDefaults defaults, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        var paths = new Dictionary<string, string>();
        var reader = new ItemReader(root, item, prefix, errors, paths);

        var source = reader.Text("source", rules.Source) ?? defaults.Source;
        var messageId = reader.Required("messageId", rules.MessageId);
        var deviceId = reader.Text("deviceId", rules.DeviceId) ?? defaults.DeviceId;
        if (deviceId is null) reader.Missing("deviceId", rules.DeviceId);
        var kind = reader.Required("kind", rules.Kind);
        var occurredAt = reader.Time("occurredAt", rules.OccurredAt);
        var severity = reader.Integer("severity", rules.Severity);
        var compound = reader.Text("location.compound", rules.Compound);
        var building = reader.Text("location.building", rules.Building);
        var unit = reader.Text("location.unit", rules.Unit);
        if (errors.Count > before) return null;

        var submission = new SignalSubmission
        {
            Source = source, MessageId = messageId, DeviceId = deviceId, Kind = kind,
            OccurredAt = occurredAt?.ToString("O", CultureInfo.InvariantCulture), Severity = severity,
            Location = compound is null && building is null && unit is null ? null : new SignalLocation(compound, building, unit),
            Payload = item.Clone(),
        };
        paths.TryAdd("payload", prefix == "" ? "$" : prefix.TrimEnd('.'));
        return new MappedSignal(submission, paths);
    }
}
