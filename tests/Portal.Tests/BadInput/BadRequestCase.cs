using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cerebellum.Portal.Tests.BadInput;

/// <summary>One hostile or malformed request from the corpus (BadInput/corpus/*.json).</summary>
public sealed class BadRequestCase
{
    public string Name { get; set; } = "";
    public string Method { get; set; } = "POST";
    public string Path { get; set; } = "";
    /// <summary>Content-Type header; omitted when null.</summary>
    public string? ContentType { get; set; } = "application/json";
    /// <summary>The body as literal text, with {now}, {night} and {unit} placeholders.</summary>
    public string? Body { get; set; }
    /// <summary>Or a generated body: "nested:N" (N levels of arrays), "oversize:BYTES", "batch:N" (N valid signals).</summary>
    public string? Generate { get; set; }
    /// <summary>The gateway API key to send (X-Api-Key): "corpus" (a registered gateway) by default on
    /// signal routes, "none" for no key, anything else is sent as it is.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Demo user to sign in as ("street1"), or null for an anonymous request.</summary>
    public string? As { get; set; }
    public int Status { get; set; } = 400;
    /// <summary>"problem" (RFC 9457, the product's API) or "open311" (the GeoReport v2 error list).</summary>
    public string Format { get; set; } = "problem";

    /// <summary>The field the problem must name (a key of "errors"; for Open311, within a description), if any.</summary>
    public string? Field { get; set; }

    [JsonIgnore] public string File { get; set; } = "";

    public override string ToString() => $"{File}: {Name}";

    public byte[] BodyBytes(string now, string unit)
    {
        if (Generate is { } g)
        {
            var (kind, n) = (g.Split(':')[0], int.Parse(g.Split(':')[1]));
            return Encoding.UTF8.GetBytes(kind switch
            {
                "nested" => new string('[', n) + new string(']', n),
                "oversize" => "{\"padding\":\"" + new string('x', n) + "\"}",
                "batch" => "[" + string.Join(",", Enumerable.Range(0, n).Select(i =>
                    $$$"""{"source":"corpus","messageId":"batch-{{{i}}}","deviceId":"dev-corpus","kind":"smoke","occurredAt":"{{{now}}}","location":{"unit":"{{{unit}}}"}}""")) + "]",
                _ => throw new InvalidOperationException($"{File}: unknown generator {g}"),
            });
        }
        return Encoding.UTF8.GetBytes((Body ?? "").Replace("{now}", now).Replace("{unit}", unit));
    }

    public static IEnumerable<BadRequestCase> Load()
    {
        var dir = System.IO.Path.Combine(AppContext.BaseDirectory, "BadInput", "corpus");
        foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
            foreach (var c in JsonSerializer.Deserialize<List<BadRequestCase>>(System.IO.File.ReadAllText(file),
                         new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            {
                c.File = System.IO.Path.GetFileName(file);
                yield return c;
            }
    }
}
