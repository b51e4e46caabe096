using Cerebellum.Engine.Intake.Signals;
using Marten;

namespace Cerebellum.Portal.Api.Signals;

/// <summary>GET /api/v1/signals/{id} and GET /api/v1/signals?source=…&amp;messageId=…: where a signal went.</summary>
public static class GetSignal
{
    public sealed record SignalStatus(
        Guid Id, string Source, string MessageId, string DeviceId, string Kind, DateTimeOffset OccurredAt,
        DateTimeOffset ReceivedAt, string Status, Guid? CaseId);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/signals/{id:guid}", (Guid id, IQuerySession session, CancellationToken ct) =>
            FindAsync(session, id, ct));
        app.MapGet("/api/v1/signals", (string? source, string? messageId, IQuerySession session, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(source) ? Task.FromResult(Problems.Field("source", "source is required."))
            : string.IsNullOrWhiteSpace(messageId) ? Task.FromResult(Problems.Field("messageId", "messageId is required."))
            : FindAsync(session, SignalRecord.IdFor(source, messageId), ct));
    }

    private static async Task<IResult> FindAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var s = await session.LoadAsync<SignalRecord>(id, ct);
        return s is null
            ? Problems.Status(StatusCodes.Status404NotFound, "No such signal.")
            : Results.Ok(new SignalStatus(s.Id, s.Source, s.MessageId, s.DeviceId, s.Kind, s.OccurredAt, s.ReceivedAt,
                s.CaseId is null ? "accepted" : "processed", s.CaseId));
    }
}
