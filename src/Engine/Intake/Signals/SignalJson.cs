using System.Text.Json;

namespace Cerebellum.Engine.Intake.Signals;

/// <summary>Reads our own signal JSON (one object or an array) into submissions. Each element is read on
/// its own so a type error names the element and field at fault. Shared by HTTP and MQTT.</summary>
public static class SignalJson
{
    public static (List<SignalSubmission> Batch, bool IsArray, Dictionary<string, string[]> Errors) Read(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        var isArray = body.ValueKind == JsonValueKind.Array;
        if (!isArray && body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["Send one signal as a JSON object or several as a JSON array."];
            return ([], false, errors);
        }
        if (isArray && body.GetArrayLength() > SignalValidation.MaxBatch)
        {
            errors["$"] = [$"A batch holds at most {SignalValidation.MaxBatch} signals."];
            return ([], true, errors);
        }

        var items = isArray ? body.EnumerateArray().ToList() : [body];
        var batch = new List<SignalSubmission>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = isArray ? $"[{i}]" : "";
            if (items[i].ValueKind != JsonValueKind.Object)
            {
                errors[isArray ? prefix : "$"] = ["Each signal is a JSON object."];
                continue;
            }
            try
            {
                batch.Add(items[i].Deserialize<SignalSubmission>(Serialization.Json)!);
            }
            catch (JsonException e)
            {
                var field = (e.Path ?? "$").TrimStart('$').TrimStart('.');
                errors[isArray ? $"{prefix}.{field}" : field == "" ? "$" : field] =
                    ["This field has the wrong type or format."];
            }
        }
        return (batch, isArray, errors);
    }

    /// <summary>The indexes of signals whose source is not the authenticated gateway, as error keys.</summary>
    public static Dictionary<string, string[]> ForeignSources(IReadOnlyList<SignalSubmission> batch, bool isArray, string gatewayId)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < batch.Count; i++)
            if (batch[i].Source != gatewayId)
                errors[(isArray ? $"[{i}]." : "") + "source"] =
                    [$"This gateway may only send signals with source \"{gatewayId}\"."];
        return errors;
    }
}
