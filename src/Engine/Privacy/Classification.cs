using System.Collections.Concurrent;
using System.Reflection;

namespace Cerebellum.Engine.Privacy;

/// <summary>One classified property of a stored type: its class, its masked form, and whether its value is
/// itself a classified type (a record inside a record, or a list of them) to walk into.</summary>
public sealed record ClassifiedProperty(PropertyInfo Property, DataClass Class, MaskFormat Mask, Type? Nested);

/// <summary>Reads the classes declared on stored types (<see cref="ClassifiedAttribute"/>). Types of this
/// assembly are walked into; everything else (strings, numbers, times, enums, Guids, dictionaries of text)
/// is a leaf.</summary>
public static class Classification
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ClassifiedProperty>> Cache = new();

    /// <summary>The classified properties of a type, in declaration order. Unclassified ones are left out here
    /// (and shown in full to nobody: see <see cref="Redaction"/>); <see cref="Unclassified"/> finds them.</summary>
    public static IReadOnlyList<ClassifiedProperty> Of(Type type) => Cache.GetOrAdd(type, t =>
        [.. Readable(t).Select(p => (p, a: p.GetCustomAttribute<ClassifiedAttribute>()))
            .Where(x => x.a is not null)
            .Select(x => new ClassifiedProperty(x.p, x.a!.Class, x.a.Mask, NestedType(x.p.PropertyType)))]);

    /// <summary>"Type.Property" for every stored property without a class, walking into nested types.</summary>
    public static IReadOnlyList<string> Unclassified(IEnumerable<Type> roots)
    {
        var missing = new List<string>();
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type)) continue;
            foreach (var p in Readable(type))
            {
                if (p.GetCustomAttribute<ClassifiedAttribute>() is null) missing.Add($"{type.FullName}.{p.Name}");
                if (NestedType(p.PropertyType) is { } nested) queue.Enqueue(nested);
            }
        }
        return missing;
    }

    /// <summary>Paths ("complaintRecord.contact.phone") of the fields of class <paramref name="from"/> and above in a type:
    /// what an erasure or a read above clearance names in the audit trail (names, never values).</summary>
    public static IEnumerable<string> FieldsFrom(Type type, DataClass from, string? prefix = null, DataClass floor = DataClass.Public)
    {
        prefix ??= System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(type.Name);
        foreach (var p in Of(type))
        {
            var path = $"{prefix}.{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Property.Name)}";
            var effective = p.Class > floor ? p.Class : floor;
            if (p.Nested is { } nested)
                foreach (var inner in FieldsFrom(nested, from, path, effective)) yield return inner;
            else if (effective >= from) yield return path;
        }
    }

    /// <summary>The highest class of any field in a type (walking into nested types): what erasure has to reach.</summary>
    public static DataClass Highest(Type type) =>
        Of(type).Select(p => p.Nested is { } n ? (DataClass)Math.Max((int)p.Class, (int)Highest(n)) : p.Class)
            .DefaultIfEmpty(DataClass.Public).Max();

    /// <summary>Properties that go to storage: what System.Text.Json writes, i.e. every public readable one,
    /// computed ones included.</summary>
    private static IEnumerable<PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true }
                && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null);

    /// <summary>The classified type a property holds (itself, or the element of a list), if it is one of ours.</summary>
    public static Type? NestedType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) return NestedType(type.GetElementType()!);
        if (type.IsGenericType && type.GetGenericArguments() is [var element]
            && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) return NestedType(element);
        return type.Assembly == typeof(Classification).Assembly && !type.IsEnum && (type.IsClass || (type.IsValueType && !type.IsPrimitive))
            ? type : null;
    }
}
