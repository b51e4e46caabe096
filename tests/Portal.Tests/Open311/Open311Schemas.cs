using System.Text.Json.Nodes;
using Cerebellum.Testing;
using Json.Schema;

namespace Cerebellum.Portal.Tests.Open311;

/// <summary>The published GeoReport v2 JSON Schemas (../shared/open311/georeport-v2 beside the clone,
/// or OPEN311_SCHEMAS), plus the POST and token response shapes from the same folder's swagger.json,
/// which the schema files do not cover.</summary>
public static class Open311Schemas
{
    private const string BaseUri = "https://schemas.open311.test/georeport-v2/";
    private static readonly Lazy<EvaluationOptions> Options = new(Load);

    public static string Folder { get; } = FindFolder();

    private static string FindFolder()
    {
        if (Environment.GetEnvironmentVariable("OPEN311_SCHEMAS") is { Length: > 0 } fromEnv) return fromEnv;
        for (var dir = new DirectoryInfo(RepoPaths.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "open311", "georeport-v2");
            if (File.Exists(Path.Combine(candidate, "request.json"))) return candidate;
        }
        throw new InvalidOperationException(
            $"Cannot find shared/open311/georeport-v2 above {RepoPaths.Root}; set OPEN311_SCHEMAS to its folder.");
    }

    private static EvaluationOptions Load()
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        foreach (var name in new[] { "service.json", "services.json", "service-definition.json", "request.json", "requests.json" })
            Register(options, name, JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name)))!.AsObject());

        // swagger.json's definitions for what the schema files leave out: the answers to POST and tokens.
        var definitions = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "swagger.json")))!["definitions"]!;
        foreach (var (file, definition) in new[] { ("post-response.json", "RequestResponse"), ("token-response.json", "TokenResponse") })
            Register(options, file, new JsonObject
            {
                ["type"] = "array", ["minItems"] = 1, ["items"] = definitions[definition]!.DeepClone(),
            });
        return options;
    }

    private static void Register(EvaluationOptions options, string name, JsonObject schema)
    {
        schema["$id"] = BaseUri + name; // so "$ref": "request.json" resolves beside it
        options.SchemaRegistry.Register(JsonSchema.FromText(schema.ToJsonString()));
    }

    /// <summary>Fails with every schema error when <paramref name="json"/> does not match <paramref name="schemaFile"/>.</summary>
    public static void ShouldMatch(string json, string schemaFile)
    {
        var schema = (JsonSchema)Options.Value.SchemaRegistry.Get(new Uri(BaseUri + schemaFile))!;
        var result = schema.Evaluate(JsonNode.Parse(json), Options.Value);
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .ToList();
        result.IsValid.ShouldBeTrue($"{schemaFile} rejects {json}\n{string.Join("\n", errors)}");
    }
}
