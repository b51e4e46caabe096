using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cerebellum.Engine.Privacy;

/// <summary>The one redaction step of every read path: a stored value as a viewer with a given clearance may see
/// it, driven by the classes declared on its type. For each field:
/// <list type="bullet">
/// <item>class within the clearance: shown; free text (<see cref="MaskFormat.FreeText"/>) still has phone and ID
/// numbers masked for viewers below personal clearance;</item>
/// <item>class one above the clearance with a masked form (name, mobile, ID number, unit, e-mail): shown masked
/// (a party on the case outside its jurisdiction sees 张*, 138****1234);</item>
/// <item>otherwise withheld: text becomes <c>[withheld: class]</c>, other values (numbers, flags, maps) are left out.</item>
/// </list>
/// A field without a class is treated as sensitive: fail closed.</summary>
public static class Redaction
{
    public static string Withheld(DataClass c) => $"[withheld: {c.ToString().ToLowerInvariant()}]";

    /// <summary>The value as JSON (the product's convention), redacted.</summary>
    public static JsonNode? ToJson(object? value, DataClass clearance)
    {
        if (value is null) return null;
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Serialization.Json);
        Walk(node, value.GetType(), DataClass.Public, (c, mask, leaf) => Decide(c, mask, leaf, clearance));
        return node;
    }

    /// <summary>A redacted copy of the value, of the same type (for the Blazor pages, which render typed values).</summary>
    public static T Copy<T>(T value, DataClass clearance) where T : notnull =>
        (T)ToJson(value, clearance)!.Deserialize(value.GetType(), Serialization.Json)!;

    /// <summary>What a viewer with this clearance sees of one leaf value of the given class (null: leave it out).</summary>
    private static JsonNode? Decide(DataClass c, MaskFormat mask, JsonNode leaf, DataClass clearance)
    {
        var text = leaf is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (c <= clearance)
            return text is not null && mask == MaskFormat.FreeText && clearance < DataClass.Personal ? Masking.FreeText(text) : leaf;
        if (text is not null && (int)c == (int)clearance + 1 && mask is not (MaskFormat.None or MaskFormat.FreeText))
            return Masking.Apply(mask, text);
        return text is not null ? Withheld(c) : null;
    }

    /// <summary>Walks a JSON value alongside its type; <paramref name="leaf"/> decides each leaf's replacement from the
    /// effective class (the highest of the field's own and its containers'). Also used by <see cref="Erasure"/>.</summary>
    internal static void Walk(JsonNode? node, Type type, DataClass floor, Func<DataClass, MaskFormat, JsonNode, JsonNode?> leaf)
    {
        if (node is not JsonObject obj) return;
        var naming = Serialization.Json.PropertyNamingPolicy;
        var known = new HashSet<string>();
        foreach (var p in Classification.Of(type))
        {
            var name = naming?.ConvertName(p.Property.Name) ?? p.Property.Name;
            known.Add(name);
            var effective = p.Class > floor ? p.Class : floor;
            if (!obj.TryGetPropertyValue(name, out var child) || child is null) continue;
            if (p.Nested is { } nested)
            {
                if (child is JsonArray items) foreach (var item in items) Walk(item, nested, effective, leaf);
                else Walk(child, nested, effective, leaf);
                continue;
            }
            Replace(obj, name, child, effective, p.Mask, leaf);
        }
        // Unclassified fields fail closed: treated as sensitive.
        foreach (var name in obj.Select(kv => kv.Key).Where(k => !known.Contains(k)).ToList())
            if (obj[name] is { } child) Replace(obj, name, child, DataClass.Sensitive, MaskFormat.None, leaf);
    }

    private static void Replace(JsonObject obj, string name, JsonNode child, DataClass c, MaskFormat mask,
        Func<DataClass, MaskFormat, JsonNode, JsonNode?> leaf)
    {
        if (child is JsonArray list)
        {
            var replaced = list.Select(item => item is null ? null : leaf(c, mask, item)).ToList();
            if (replaced.All(r => r is not null) && replaced.Zip(list).All(x => ReferenceEquals(x.First, x.Second))) return;
            obj[name] = new JsonArray([.. replaced.Where(r => r is not null).Select(r => r!.Parent is null ? r : r.DeepClone())]);
            return;
        }
        var result = leaf(c, mask, child);
        if (ReferenceEquals(result, child)) return;
        if (result is null) obj.Remove(name);
        else obj[name] = result;
    }
}
