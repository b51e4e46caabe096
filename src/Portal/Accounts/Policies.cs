using System.Security.Claims;

namespace Cerebellum.Portal.Accounts;

/// <summary>Who may do what. Roles come from the portal user (samples/community accounts).</summary>
public static class Policies
{
    /// <summary>Handlers, supervisors and administrators act on cases.</summary>
    public const string CaseWorker = "case-worker";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options) =>
        options.AddPolicy(CaseWorker, p => p.RequireRole("handler", "supervisor", "admin"));

    /// <summary>The acting user's id as recorded in events.</summary>
    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
