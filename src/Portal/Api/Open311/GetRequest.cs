using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Complaints;
using Marten;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>GET /open311/v2/requests/{id}.{format}: one service request, as a one-element list (spec).</summary>
public static class GetRequest
{
    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/requests/{id}.{format}", async (
        string id, string format, string? jurisdiction_id, ServiceCatalogue catalogue, IQuerySession session,
        CancellationToken ct) =>
    {
        if (Open311Response.ParseFormat(format) is not { } f) return Open311Response.UnknownFormat(format);
        if (await Jurisdiction.CheckAsync(session, f, jurisdiction_id, ct) is { } notFound) return notFound;

        var complaint = Guid.TryParse(id, out var guid) ? await session.LoadAsync<ComplaintRecord>(guid, ct) : null;
        // Until processed, a request is known only by its token (tokens/{token}).
        if (complaint?.CaseId is not { } caseId)
            return Open311Response.Errors(f, StatusCodes.Status404NotFound, $"service_request_id '{id}' was not found");

        var summary = await session.LoadAsync<CaseSummary>(caseId, ct);
        return Open311Response.Ok(f, "service_requests", new[] { ServiceRequest.From(Redaction.Copy(complaint, DataClass.Public), summary, catalogue) });
    });
}
