using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;
using Marten;
using Microsoft.Extensions.Primitives;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>POST /open311/v2/requests.{format}: a resident's complaint, form-encoded as the spec says,
/// with an api_key. Answers once PostgreSQL has stored it, with a token; the case is opened (or joined)
/// asynchronously, after which tokens/{token} gives the service_request_id.</summary>
public static class PostRequest
{
    public const long MaxBodyBytes = 64 * 1024;

    public sealed record Accepted(string Token, string? ServiceNotice, string? AccountId);

    public static void Map(IEndpointRouteBuilder group) => group.MapPost("/requests.{format}", HandleAsync).RequireRateLimiting(Hosting.RateLimits.PublicIntake);

    private static async Task<IResult> HandleAsync(
        string format, HttpRequest request, ServiceCatalogue catalogue, ComplaintIntake intake, IQuerySession session,
        CancellationToken ct)
    {
        if (Open311Response.ParseFormat(format) is not { } f) return Open311Response.UnknownFormat(format);
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()
            is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (!request.HasFormContentType)
            return Open311Response.Errors(f, StatusCodes.Status400BadRequest,
                "send the request as application/x-www-form-urlencoded (or multipart/form-data)");

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Open311Response.Errors(f, StatusCodes.Status400BadRequest, "the form could not be read: " + e.Message);
        }

        if (await ApiClient.FindAsync(session, form["api_key"], ct) is not { } client)
            return Open311Response.Errors(f, StatusCodes.Status403Forbidden, "api_key is missing or not valid");
        if (await Jurisdiction.CheckAsync(session, f, form["jurisdiction_id"], ct) is { } notFound) return notFound;

        var submission = Read(form);
        var service = submission.ServiceCode is { } code ? catalogue.Find(code) : null;
        var place = string.IsNullOrWhiteSpace(submission.AddressId)
            ? null
            : await Place.ResolveAsync(session, submission.AddressId.Trim(), ct);
        var problems = ComplaintValidation.Validate(submission, service, place);
        if (problems.Count > 0) return Open311Response.Problems(f, problems);

        var stored = await intake.AcceptAsync(ComplaintValidation.ToRecord(submission, service!, place, client.Client), ct);
        return Open311Response.Ok(f, "service_requests", new[]
        {
            new Accepted(stored.Token,
                Language.Pick("诉求已受理，处理进度可凭 token 查询", "Your request is received; follow it with the token"),
                stored.AccountId),
        });
    }

    private static ComplaintSubmission Read(IFormCollection form)
    {
        static string? One(StringValues v) => v.Count == 0 ? null : v[^1];
        // attribute[CODE]=v, and for multivaluelist attribute[CODE][]=v repeated.
        var attributes = form.Keys
            .Where(k => k.StartsWith("attribute[", StringComparison.Ordinal) && k.Contains(']'))
            .GroupBy(k => k["attribute[".Length..k.IndexOf(']')])
            .ToDictionary(g => g.Key, g => g.SelectMany(k => form[k].Select(v => v ?? "")).ToArray());
        return new ComplaintSubmission
        {
            ServiceCode = One(form["service_code"]), Lat = One(form["lat"]), Long = One(form["long"]),
            AddressString = One(form["address_string"]), AddressId = One(form["address_id"]),
            Email = One(form["email"]), DeviceId = One(form["device_id"]), AccountId = One(form["account_id"]),
            FirstName = One(form["first_name"]), LastName = One(form["last_name"]), Phone = One(form["phone"]),
            Description = One(form["description"]), MediaUrl = One(form["media_url"]),
            Attributes = attributes,
        };
    }
}
