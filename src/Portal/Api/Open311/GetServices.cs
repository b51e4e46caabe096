using Cerebellum.Engine.Intake.Complaints;
using Marten;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>GET /open311/v2/services.{format}: the complaint types residents can file.</summary>
public static class GetServices
{
    public sealed record Service(
        string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/services.{format}", async (
        string format, string? jurisdiction_id, ServiceCatalogue catalogue, IQuerySession session, CancellationToken ct) =>
    {
        if (Open311Response.ParseFormat(format) is not { } f) return Open311Response.UnknownFormat(format);
        if (await Jurisdiction.CheckAsync(session, f, jurisdiction_id, ct) is { } notFound) return notFound;
        return Open311Response.Ok(f, "services", catalogue.Services.Select(ToView).ToList());
    });

    public static Service ToView(ComplaintService s) => new(
        s.Code, Language.Pick(s.Name), Language.Pick(s.Description),
        Metadata: s.Attributes.Count > 0, s.Type, string.Join(",", s.Keywords), s.Group);
}
