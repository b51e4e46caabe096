using Cerebellum.Engine.Privacy;
using System.Globalization;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Complaints;
using Marten;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>GET /open311/v2/requests.{format} with the spec's filters: service_request_id (a comma list;
/// when given, the other filters are ignored), service_code (comma list), start_date, end_date, status
/// (open, closed). Without dates: the last 90 days; at most 1,000 requests, newest first.</summary>
public static class GetRequests
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(90);

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/requests.{format}", async (
        string format, string? jurisdiction_id, string? service_request_id, string? service_code, string? start_date,
        string? end_date, string? status, ServiceCatalogue catalogue, IQuerySession session, TimeProvider clock,
        CancellationToken ct) =>
    {
        if (Open311Response.ParseFormat(format) is not { } f) return Open311Response.UnknownFormat(format);
        if (await Jurisdiction.CheckAsync(session, f, jurisdiction_id, ct) is { } notFound) return notFound;

        List<ComplaintRecord> complaints;
        string[] statuses = [];
        if (!string.IsNullOrWhiteSpace(service_request_id))
        {
            var ids = List(service_request_id).Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty).Distinct().Take(MaxResults).ToArray();
            complaints = (await session.LoadManyAsync<ComplaintRecord>(ct, ids)).Where(c => c.CaseId is not null).ToList();
        }
        else
        {
            var errors = new List<string>();
            var end = ParseDate(end_date, "end_date", errors) ?? clock.GetUtcNow();
            var start = ParseDate(start_date, "start_date", errors) ?? end - DefaultSpan;
            statuses = List(status);
            if (statuses.Any(s => s is not ("open" or "closed"))) errors.Add("status is open, closed or both (open,closed)");
            if (errors.Count > 0) return Open311Response.Errors(f, StatusCodes.Status400BadRequest, [.. errors]);

            var codes = List(service_code);
            var query = session.Query<ComplaintRecord>()
                .Where(c => c.CaseId != null && c.RequestedAt >= start && c.RequestedAt <= end);
            if (codes.Length > 0) query = query.Where(c => codes.Contains(c.ServiceCode));
            complaints = (await query.OrderByDescending(c => c.RequestedAt).Take(MaxResults).ToListAsync(ct)).ToList();
        }

        var caseIds = complaints.Select(c => c.CaseId!.Value).Distinct().ToArray();
        var summaries = (await session.LoadManyAsync<CaseSummary>(ct, caseIds)).ToDictionary(s => s.Id);
        var views = complaints
            .Select(c => ServiceRequest.From(Redaction.Copy(c, DataClass.Public), summaries.GetValueOrDefault(c.CaseId!.Value), catalogue))
            .Where(v => statuses.Length == 0 || statuses.Contains(v.Status))
            .ToList();
        return Open311Response.Ok(f, "service_requests", views);
    });

    private static string[] List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The spec asks for W3C datetimes; a date without an offset is ambiguous and refused, as for signals.
    private static DateTimeOffset? ParseDate(string? text, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') ||
                        (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return at;
        errors.Add($"{name} must be a W3C datetime with an offset, e.g. 2026-11-28T08:00:00+08:00");
        return null;
    }
}
