using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cerebellum.Engine.Privacy;

/// <summary>What is left of a stored value once its retention has run out (or the resident asked): personal and
/// sensitive fields erased, internal free text erased too (it may name people in ways no pattern finds), unit-level
/// places cut back to the building (3-2-1201 → 3-2-****). Public fields and the rest of internal stay: the
/// de-identified skeleton (category, level, building, times, counts) that statistics are built on.</summary>
public static class Erasure
{
    public const string Marker = "[erased]";

    /// <summary>An erased copy of the value, of the same type. Used for documents and, as Marten's masking rule,
    /// for every event of an erased case stream.</summary>
    public static object Erase(object value)
    {
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Serialization.Json);
        Redaction.Walk(node, value.GetType(), DataClass.Public, Decide);
        return node.Deserialize(value.GetType(), Serialization.Json)!;
    }

    public static T Erase<T>(T value) where T : notnull => (T)Erase((object)value);

    private static JsonNode? Decide(DataClass c, MaskFormat mask, JsonNode leaf)
    {
        var erase = c >= DataClass.Personal || mask == MaskFormat.FreeText;
        if (!erase) return c == DataClass.Internal && mask == MaskFormat.Unit && leaf is JsonValue v && v.TryGetValue<string>(out var unit)
            ? Masking.Unit(unit) : leaf;
        return leaf switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => Marker,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => false,
            JsonValue => 0,
            JsonArray => new JsonArray(),
            JsonObject => new JsonObject(),
            _ => null,
        };
    }
}
