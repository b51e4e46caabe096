using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>Turns the JSON shape of a response into the spec's XML: objects become elements named after
/// their fields, arrays repeat a child named for one item (services → service). One mapping for every
/// endpoint, so the XML can never drift from the JSON.</summary>
public static class Open311Xml
{
    private static readonly Dictionary<string, string> ItemNames = new()
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["attributes"] = "attribute",
        ["values"] = "value",
        ["errors"] = "error",
        ["endpoints"] = "endpoint",
        ["formats"] = "format",
    };

    public static string Write(string root, JsonNode? payload)
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), Element(root, payload));
        return document.Declaration + "\n" + document.ToString(SaveOptions.DisableFormatting);
    }

    // Error descriptions may echo what a client sent; characters XML cannot carry are dropped, not fatal.
    private static string XmlSafe(string text) =>
        text.All(System.Xml.XmlConvert.IsXmlChar) ? text : string.Concat(text.Where(System.Xml.XmlConvert.IsXmlChar));

    private static XElement Element(string name, JsonNode? node) => node switch
    {
        JsonArray array => new XElement(name, array.Select(item => Element(ItemNames.GetValueOrDefault(name, "item"), item))),
        JsonObject obj => new XElement(name, obj.Select(p => Element(p.Key, p.Value))),
        JsonValue value => new XElement(name, value.GetValueKind() == JsonValueKind.String
            ? XmlSafe(value.GetValue<string>())
            : value.ToJsonString()),
        _ => new XElement(name),
    };
}
