using System.Text;
using System.Text.Json;

namespace Cerebellum.Engine.Privacy;

/// <summary>The classes of every stored field as a Markdown table, one row per type (docs/privacy.md carries it; a test
/// keeps the two the same).</summary>
public static class ClassificationTable
{
    public static string Markdown(IEnumerable<Type> roots)
    {
        var types = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (!types.TryAdd(type.Name, type)) continue;
            foreach (var p in Classification.Of(type)) if (p.Nested is { } nested) queue.Enqueue(nested);
        }
        var md = new StringBuilder("| type | public | internal | personal | sensitive |\n| --- | --- | --- | --- | --- |\n");
        foreach (var (name, type) in types)
        {
            var byClass = Enum.GetValues<DataClass>().Select(c => string.Join(", ", Classification.Of(type).Where(p => p.Class == c)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Property.Name) + (p.Mask == MaskFormat.None ? "" : $" ({Mask(p.Mask)})"))));
            md.Append($"| `{name}` | {string.Join(" | ", byClass)} |\n");
        }
        return md.ToString();
    }

    private static string Mask(MaskFormat mask) => mask switch
    {
        MaskFormat.Name => "name", MaskFormat.Mobile => "phone", MaskFormat.IdNumber => "ID number", MaskFormat.Unit => "unit",
        MaskFormat.FreeText => "free text", MaskFormat.Email => "e-mail", _ => "",
    };
}
