namespace Cerebellum.Portal.Api;

/// <summary>RFC 9457 problem details with the same shape everywhere in the API.</summary>
public static class Problems
{
    public static IResult Field(string field, string message, int status = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: status,
            title: "The request has an invalid field.");

    public static IResult Fields(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The request has invalid fields.");

    public static IResult Status(int status, string title, string? detail = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
