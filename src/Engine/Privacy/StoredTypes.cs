using System.Reflection;
using Marten;

namespace Cerebellum.Engine.Privacy;

/// <summary>The types whose values reach storage: what must be classified, what the redaction and erasure walk.</summary>
public static class StoredTypes
{
    private static readonly string[] EventMethods = ["Apply", "Create", "Evolve", "ShouldDelete"];

    /// <summary>Event types of this assembly: every type an aggregate or projection applies (Case, CaseSummary, the
    /// audit views), every record carrying a CaseId in the case namespaces (an event that nothing projects yet is
    /// still stored), and every type the store has registered as an event.</summary>
    public static IReadOnlyList<Type> Events(IDocumentStore? store = null)
    {
        var assembly = typeof(StoredTypes).Assembly;
        var applied = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => EventMethods.Contains(m.Name) && m.GetParameters() is [var first, ..] && first.ParameterType.Assembly == assembly
                && first.ParameterType is { IsClass: true, IsAbstract: false })
            .Select(m => m.GetParameters()[0].ParameterType)
            .Where(t => t.Namespace?.StartsWith("Cerebellum.Engine", StringComparison.Ordinal) == true);
        var caseRecords = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
            && t.Namespace?.StartsWith("Cerebellum.Engine.Cases", StringComparison.Ordinal) == true
            && t.GetProperty("CaseId")?.PropertyType == typeof(Guid) && t.GetMethod("<Clone>$") is not null);
        var registered = store?.Options.Events.AllKnownEventTypes().Select(e => e.EventType)
            .Where(t => t.Assembly == assembly) ?? [];
        // Aggregates rebuilt live from their events (Case, AuditHead) are not stored; an aggregate kept as a snapshot is a
        // document and is walked as one.
        return [.. applied.Concat(caseRecords).Concat(registered).Distinct().Where(t => !IsAggregate(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    private static bool IsAggregate(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Any(m => m.Name == "Apply" && m.ReturnType == type);

    /// <summary>Document types the store knows (this assembly's; Wolverine's own tables are not documents). Marten also
    /// comes to know the live aggregates that FetchForWriting rebuilds (Case): they are never stored and are left out.</summary>
    public static IReadOnlyList<Type> Documents(IDocumentStore store) =>
        [.. store.Options.AllKnownDocumentTypes().Select(m => m.DocumentType)
            .Where(t => t.Assembly == typeof(StoredTypes).Assembly && !IsAggregate(t)).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal)];
}
