using Cerebellum.Engine.Intake.Complaints;
using Marten;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>GET /open311/v2/services/{code}.{format}: the extra fields (attributes) of one service's form.</summary>
public static class GetServiceDefinition
{
    public sealed record Value(string Key, string Name);

    public sealed record Attribute(
        bool Variable, string Code, string Datatype, bool Required, string? DatatypeDescription, int Order,
        string Description, IReadOnlyList<Value>? Values);

    public sealed record ServiceDefinition(string ServiceCode, IReadOnlyList<Attribute> Attributes);

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/services/{code}.{format}", async (
        string code, string format, string? jurisdiction_id, ServiceCatalogue catalogue, IQuerySession session,
        CancellationToken ct) =>
    {
        if (Open311Response.ParseFormat(format) is not { } f) return Open311Response.UnknownFormat(format);
        if (await Jurisdiction.CheckAsync(session, f, jurisdiction_id, ct) is { } notFound) return notFound;
        if (catalogue.Find(code) is not { } service)
            return Open311Response.Errors(f, StatusCodes.Status404NotFound, $"service_code '{code}' was not found");

        return Open311Response.Ok(f, "service_definition", new ServiceDefinition(service.Code,
            service.Attributes.OrderBy(a => a.Order).Select(a => new Attribute(
                a.Variable, a.Code, a.Datatype, a.Required,
                a.DatatypeDescription is null ? null : Language.Pick(a.DatatypeDescription), a.Order,
                Language.Pick(a.Description),
                a.Values.Count == 0 ? null : a.Values.Select(v => new Value(v.Key, Language.Pick(v.Name))).ToList())).ToList()));
    });
}
