using System.Reflection;

namespace Cerebellum.Rules;

/// <summary>One member a rule may read, e.g. <c>Household.ElderlyLivingAlone</c> of type bool.</summary>
public sealed record FactMember(string Name, Type Type, string TypeName, PropertyInfo Property);

/// <summary>One fact as rules see it: the name used in expressions and the record behind it.</summary>
public sealed record FactDescriptor(string Name, Type Type, IReadOnlyList<FactMember> Members)
{
    public FactMember? Member(string name) => Members.FirstOrDefault(m => m.Name == name);

    public string MemberList => string.Join(", ", Members.Select(m => m.Name));
}

/// <summary>
/// The closed list of facts visible to rules, in canonical order (the order patterns are built in).
/// Derived from the records by reflection once, so adding a member to a fact record is all it takes.
/// </summary>
public static class FactCatalog
{
    public static IReadOnlyList<FactDescriptor> Facts { get; } =
    [
        Describe("Trigger", typeof(TriggerFact)),
        Describe("Case", typeof(CaseFact)),
        Describe("Location", typeof(LocationFact)),
        Describe("Household", typeof(HouseholdFact)),
        Describe("Device", typeof(DeviceFact)),
        Describe("History", typeof(HistoryFact)),
        Describe("Clock", typeof(ClockFact)),
    ];

    public static string FactList => string.Join(", ", Facts.Select(f => f.Name));

    public static FactDescriptor? Find(string name) => Facts.FirstOrDefault(f => f.Name == name);

    public static FactDescriptor? ForType(Type type) => Facts.FirstOrDefault(f => f.Type == type);

    /// <summary>The facts of an assessment in canonical order, for inserting into a session.</summary>
    internal static object[] Values(AssessmentFacts facts) =>
        [facts.Trigger, facts.Case, facts.Location, facts.Household, facts.Device, facts.History, facts.Clock];

    /// <summary>C#-style names, as rule authors read them in messages and docs.</summary>
    public static string TypeName(Type type) => type switch
    {
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(double) => "double",
        _ when type == typeof(string) => "string",
        _ when type == typeof(char) => "char",
        _ when type == typeof(DateTimeOffset) => "DateTimeOffset",
        _ => type.Name,
    };

    private static FactDescriptor Describe(string name, Type type)
    {
        // Declared public instance properties only: EqualityContract is protected, static helpers like
        // ClockFact.At are not members of a fact instance.
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new FactMember(p.Name, p.PropertyType, TypeName(p.PropertyType), p))
            .ToList();
        return new FactDescriptor(name, type, members);
    }
}
