using System.Text.Json;
using Cerebellum.Engine;
using Cerebellum.Engine.Intake.Signals;

namespace Cerebellum.Portal.Api.Signals;

/// <summary>POST /api/v1/signals: one signal or an array of up to 1,000. Answers 202 with the ids
/// only after PostgreSQL has committed them.</summary>
public static class PostSignals
{
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/v1/signals", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpRequest request, SignalIntake intake, TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadElementAsync(request, MaxBodyBytes, ct);
        if (problem is not null) return problem;

        var isArray = body.ValueKind == JsonValueKind.Array;
        if (!isArray && body.ValueKind != JsonValueKind.Object)
            return Problems.Field("$", "Send one signal as a JSON object or several as a JSON array.");
        if (isArray && body.GetArrayLength() > SignalValidation.MaxBatch)
            return Problems.Field("$", $"A batch holds at most {SignalValidation.MaxBatch} signals.");

        var (batch, shapeErrors) = Read(body, isArray);
        if (shapeErrors.Count > 0) return Problems.Fields(shapeErrors);
        var errors = SignalValidation.Validate(batch, isArray, clock.GetUtcNow());
        if (errors.Count == 0) errors = await intake.UnplaceableDevicesAsync(batch, isArray, ct);
        if (errors.Count > 0) return Problems.Fields(errors);

        var ids = await intake.AcceptAsync(batch, ct);
        return isArray
            ? Results.Accepted(value: new { ids })
            : Results.Accepted($"/api/v1/signals/{ids[0]}", new { id = ids[0] });
    }

    // Reads each element on its own so a type error names the element and field at fault.
    private static (List<SignalSubmission>, Dictionary<string, string[]>) Read(JsonElement body, bool isArray)
    {
        var items = isArray ? body.EnumerateArray().ToList() : [body];
        var batch = new List<SignalSubmission>(items.Count);
        var errors = new Dictionary<string, string[]>();
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
                errors[JsonBody.FieldOf(e, prefix)] = ["This field has the wrong type or format."];
            }
        }
        return (batch, errors);
    }
}
