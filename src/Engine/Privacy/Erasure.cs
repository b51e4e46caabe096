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

    /// <summary>An erased copy of the value, of the same type: every field of class <paramref name="from"/> and above
    /// erased (with <see cref="DataClass.Personal"/>, internal free text and units too). Used for documents and, as
    /// Marten's masking rule, for every event of an erased case stream.</summary>
    public static object Erase(object value, DataClass from = DataClass.Personal)
    {
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Serialization.Json);
        Redaction.Walk(node, value.GetType(), DataClass.Public, (c, mask, leaf) => Decide(c, mask, leaf, from));
        return node.Deserialize(value.GetType(), Serialization.Json)!;
    }

    public static T Erase<T>(T value, DataClass from = DataClass.Personal) where T : notnull => (T)Erase((object)value, from);

    private static JsonNode? Decide(DataClass c, MaskFormat mask, JsonNode leaf, DataClass from)
    {
        var personalStage = from <= DataClass.Personal;
        var erase = c >= from || (personalStage && mask == MaskFormat.FreeText);
        if (!erase) return personalStage && c == DataClass.Internal && mask == MaskFormat.Unit && leaf is JsonValue v && v.TryGetValue<string>(out var unit)
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
