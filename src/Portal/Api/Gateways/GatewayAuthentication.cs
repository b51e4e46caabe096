using Cerebellum.Engine.Intake.Gateways;

namespace Cerebellum.Portal.Api.Gateways;

/// <summary>Signal endpoints authenticate the calling gateway by its X-Api-Key header.</summary>
public static class GatewayAuthentication
{
    public const string Header = "X-Api-Key";

    /// <summary>The gateway, or a 401 problem saying what is missing.</summary>
    public static async Task<(Gateway? Gateway, IResult? Problem)> AuthenticateAsync(
        HttpRequest request, GatewayDirectory gateways, CancellationToken ct)
    {
        var key = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
            return (null, Problems.Status(StatusCodes.Status401Unauthorized, "An API key is required.",
                $"Send the gateway's key in the {Header} header."));
        return await gateways.AuthenticateAsync(key, ct) is { } gateway
            ? (gateway, null)
            : (null, Problems.Status(StatusCodes.Status401Unauthorized, "The API key is not valid.",
                "Check the key, or ask the administrator to re-issue it."));
    }

    public static IResult Forbidden(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, statusCode: StatusCodes.Status403Forbidden,
            title: "A signal names a source other than the authenticated gateway.");
}
