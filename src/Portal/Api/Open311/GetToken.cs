using Cerebellum.Engine.Intake.Complaints;
using Marten;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>GET /open311/v2/tokens/{token}.{format}: the service_request_id behind a token. Before the
/// engine has processed the complaint the answer carries the token alone; clients poll.</summary>
public static class GetToken
{
    public sealed record TokenAnswer(string? ServiceRequestId, string Token);

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/tokens/{token}.{format}", async (
        string token, string format, string? jurisdiction_id, IQuerySession session, CancellationToken ct) =>
    {
        if (Open311Response.ParseFormat(format) is not { } f) return Open311Response.UnknownFormat(format);
        if (await Jurisdiction.CheckAsync(session, f, jurisdiction_id, ct) is { } notFound) return notFound;

        var complaint = token.Length is > 0 and <= 64
            ? await session.Query<ComplaintRecord>().Where(c => c.Token == token).FirstOrDefaultAsync(ct)
            : null;
        if (complaint is null)
            return Open311Response.Errors(f, StatusCodes.Status404NotFound, $"token '{token}' was not found");
        return Open311Response.Ok(f, "service_requests", new[]
        {
            new TokenAnswer(complaint.CaseId is null ? null : complaint.Id.ToString(), complaint.Token),
        });
    });
}
