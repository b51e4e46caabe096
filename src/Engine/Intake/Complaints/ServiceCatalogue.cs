using Cerebellum.Rules;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>Open311 attribute datatypes (GeoReport v2 service definitions).</summary>
public static class AttributeDatatypes
{
    public const string String = "string", Number = "number", Datetime = "datetime", Text = "text",
        SingleValueList = "singlevaluelist", MultiValueList = "multivaluelist";

    public static readonly string[] All = [String, Number, Datetime, Text, SingleValueList, MultiValueList];

    public static bool IsList(string datatype) => datatype is SingleValueList or MultiValueList;
}

public sealed record AttributeValue(string Key, LocalizedText Name);

/// <summary>One extra field of a service's form. Variable false means the attribute only informs the
/// resident (shown, never answered).</summary>
public sealed record ServiceAttribute(
    string Code, bool Variable, string Datatype, bool Required, LocalizedText? DatatypeDescription, int Order,
    LocalizedText Description, IReadOnlyList<AttributeValue> Values);

/// <summary>A kind of complaint a resident can file: an Open311 service. <see cref="Category"/> is the
/// complaint category the rule pack sees as Trigger.Kind; several services may share one.</summary>
public sealed record ComplaintService(
    string Code, LocalizedText Name, LocalizedText Description, IReadOnlyList<string> Keywords, string Group,
    string Category, string Type, IReadOnlyList<ServiceAttribute> Attributes);

/// <summary>The services offered through Open311 (samples/open311/services.yaml), read and checked at start-up.</summary>
public sealed class ServiceCatalogue(IReadOnlyList<ComplaintService> services)
{
    public IReadOnlyList<ComplaintService> Services { get; } = services;

    public ComplaintService? Find(string code) => Services.FirstOrDefault(s => s.Code == code);

    public static ServiceCatalogue LoadFrom(string samplesDirectory) =>
        ServiceCatalogueReader.Read(Path.Combine(samplesDirectory, "open311", "services.yaml"));
}
