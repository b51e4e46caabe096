namespace Cerebellum.Portal.Api.Open311;

/// <summary>GET /open311/v2/discovery.{format}: where the endpoint is and what it speaks (spec "Service Discovery").</summary>
public static class GetDiscovery
{
    public const string Changeset = "2026-11-28T00:00:00+08:00";

    public sealed record Endpoint(string Specification, string Url, string Changeset, string Type, IReadOnlyList<string> Formats);

    public sealed record Discovery(string Changeset, string Contact, string KeyService, IReadOnlyList<Endpoint> Endpoints);

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/discovery.{format}", (string format, HttpRequest request) =>
    {
        if (Open311Response.ParseFormat(format) is not { } f) return Open311Response.UnknownFormat(format);
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{Open311Endpoints.Base}";
        return Open311Response.Ok(f, "discovery", new Discovery(
            Changeset,
            Language.Pick("社区工作站（街道办）", "The street office (community work station)"),
            Language.Pick("向社区工作站申请 api_key，见 docs/open311.md", "Ask the street office for an api_key; see docs/open311.md"),
            [new Endpoint("http://wiki.open311.org/GeoReport_v2", url, Changeset, "production", ["application/json", "text/xml"])]));
    });
}
