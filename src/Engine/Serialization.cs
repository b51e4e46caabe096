using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cerebellum.Engine;

/// <summary>The one JSON convention of the product: camelCase, enums as lowercase strings.</summary>
public static class Serialization
{
    public static readonly JsonSerializerOptions Json = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }
}
