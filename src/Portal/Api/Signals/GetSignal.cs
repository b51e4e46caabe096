using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Portal.Api.Gateways;
using Marten;

namespace Cerebellum.Portal.Api.Signals;

/// <summary>GET /api/v1/signals/{id} and GET /api/v1/signals?source=…&amp;messageId=…: where a signal went.
/// Signals name devices (and so flats): signed-in staff may read any; a gateway (X-Api-Key) only its own,
/// so a key cannot probe another source's traffic; nobody else (docs/privacy.md, "Who may call what").</summary>
public static class GetSignal
{
    public sealed record SignalStatus(
        Guid Id, string Source, string MessageId, string DeviceId, string Kind, DateTimeOffset OccurredAt,
        DateTimeOffset ReceivedAt, string Status, Guid? CaseId);

    /// <summary>A signal id or the problem with the query that should have named one.</summary>
    private readonly record struct SignalQuery(Guid Id, IResult? Problem)
    {
        public static implicit operator SignalQuery(Guid id) => new(id, null);
        public static SignalQuery From(IResult problem) => new(Guid.Empty, problem);
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/signals/{id:guid}", (Guid id, HttpRequest request, GatewayDirectory gateways, IQuerySession session,
            CancellationToken ct) => FindAsync(request, gateways, session, () => (SignalQuery)id, ct));
        app.MapGet("/api/v1/signals", (string? source, string? messageId, HttpRequest request, GatewayDirectory gateways,
            IQuerySession session, CancellationToken ct) => FindAsync(request, gateways, session, () =>
                string.IsNullOrWhiteSpace(source) ? SignalQuery.From(Problems.Field("source", "source is required."))
                : string.IsNullOrWhiteSpace(messageId) ? SignalQuery.From(Problems.Field("messageId", "messageId is required."))
                : SignalRecord.IdFor(source, messageId), ct));
    }

    /// <param name="signalId">The id asked for, or the problem with the query; read only once the caller is known,
    /// so a stranger learns nothing, not even which parameters are missing.</param>
    private static async Task<IResult> FindAsync(HttpRequest request, GatewayDirectory gateways, IQuerySession session,
        Func<SignalQuery> signalId, CancellationToken ct)
    {
        string? onlySource = null;
        if (request.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            var (gateway, denied) = await GatewayAuthentication.AuthenticateAsync(request, gateways, ct);
            if (gateway is null) return denied!;
            onlySource = gateway.Id;
        }
        var asked = signalId();
        if (asked.Problem is { } problem) return problem;
        var s = await session.LoadAsync<SignalRecord>(asked.Id, ct);
        // Another gateway's signal answers as absent: the same 404 as an unknown id, so nothing leaks.
        return s is null || (onlySource is not null && s.Source != onlySource)
            ? Problems.Status(StatusCodes.Status404NotFound, "No such signal.")
            : Results.Ok(new SignalStatus(s.Id, s.Source, s.MessageId, s.DeviceId, s.Kind, s.OccurredAt, s.ReceivedAt,
                s.CaseId is null ? "accepted" : "processed", s.CaseId));
    }
}
