using Cerebellum.Rules;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>Reads services.yaml. Mistakes stop the host with the file and the service at fault, as a
/// broken rule pack does: a form that asks for a list without values helps nobody.</summary>
public static class ServiceCatalogueReader
{
    private sealed class FileShape { public List<ServiceShape> Services { get; set; } = []; }

    private sealed class ServiceShape
    {
        public string Code { get; set; } = "";
        public Dictionary<string, string> Name { get; set; } = [];
        public Dictionary<string, string> Description { get; set; } = [];
        public List<string> Keywords { get; set; } = [];
        public string Group { get; set; } = "";
        public string Category { get; set; } = "";
        public string Type { get; set; } = "realtime";
        public List<AttributeShape> Attributes { get; set; } = [];
    }

    private sealed class AttributeShape
    {
        public string Code { get; set; } = "";
        public bool Variable { get; set; } = true;
        public string Datatype { get; set; } = "";
        public bool Required { get; set; }
        public Dictionary<string, string>? DatatypeDescription { get; set; }
        public Dictionary<string, string> Description { get; set; } = [];
        public List<ValueShape> Values { get; set; } = [];
    }

    private sealed class ValueShape
    {
        public string Key { get; set; } = "";
        public Dictionary<string, string> Name { get; set; } = [];
    }

    public static ServiceCatalogue Read(string path) => Parse(File.ReadAllText(path), path);

    public static ServiceCatalogue Parse(string yaml, string path)
    {
        FileShape file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<FileShape>(yaml) ?? new FileShape();
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}({e.Start.Line},{e.Start.Column}): {e.InnerException?.Message ?? e.Message}", e);
        }

        var services = file.Services.Select(s => ToService(s, path)).ToList();
        if (services.Count == 0) throw new InvalidDataException($"{path}: no services");
        var duplicate = services.GroupBy(s => s.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{path}: service code '{duplicate.Key}' is used twice");
        return new ServiceCatalogue(services);
    }

    private static ComplaintService ToService(ServiceShape s, string path)
    {
        var where = $"{path}: service '{s.Code}'";
        if (string.IsNullOrWhiteSpace(s.Code)) throw new InvalidDataException($"{path}: a service has no code");
        if (string.IsNullOrWhiteSpace(s.Category)) throw new InvalidDataException($"{where} has no category");
        if (s.Type is not ("realtime" or "batch" or "blackbox"))
            throw new InvalidDataException($"{where}: type is realtime, batch or blackbox");
        var attributes = s.Attributes.Select((a, i) => ToAttribute(a, i + 1, where)).ToList();
        return new ComplaintService(s.Code, Text(s.Name, $"{where} name"), Text(s.Description, $"{where} description"),
            s.Keywords, s.Group, s.Category, s.Type, attributes);
    }

    private static ServiceAttribute ToAttribute(AttributeShape a, int order, string service)
    {
        var where = $"{service}, attribute '{a.Code}'";
        if (string.IsNullOrWhiteSpace(a.Code)) throw new InvalidDataException($"{service}: an attribute has no code");
        if (!AttributeDatatypes.All.Contains(a.Datatype))
            throw new InvalidDataException($"{where}: datatype is one of {string.Join(", ", AttributeDatatypes.All)}");
        if (AttributeDatatypes.IsList(a.Datatype) != (a.Values.Count > 0))
            throw new InvalidDataException($"{where}: list datatypes need values; other datatypes take none");
        return new ServiceAttribute(a.Code, a.Variable, a.Datatype, a.Required,
            a.DatatypeDescription is null ? null : Text(a.DatatypeDescription, $"{where} datatypeDescription"),
            order, Text(a.Description, $"{where} description"),
            a.Values.Select(v => new AttributeValue(v.Key, Text(v.Name, $"{where} value '{v.Key}'"))).ToList());
    }

    private static LocalizedText Text(Dictionary<string, string> text, string what) =>
        text.TryGetValue("zh-CN", out var zh) && text.TryGetValue("en", out var en)
            ? new LocalizedText(zh, en)
            : throw new InvalidDataException($"{what} needs both zh-CN and en");
}
