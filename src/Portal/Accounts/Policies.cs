using System.Security.Claims;

namespace Cerebellum.Portal.Accounts;

/// <summary>Who may do what. Roles come from the portal user (samples/community accounts).</summary>
public static class Policies
{
    /// <summary>Handlers, supervisors and administrators act on cases.</summary>
    public const string CaseWorker = "case-worker";

    /// <summary>Staff of a health-station office: the only ones who file health reports.</summary>
    public const string HealthStation = "health-station";

    /// <summary>The claim carrying the party (police, property, street, health) of the user's office.</summary>
    public const string PartyClaim = "party";

    /// <summary>Rule authors (and administrators) validate, test and publish rule packs.</summary>
    public const string RuleAuthor = "rule-author";

    /// <summary>Auditors (the ethics committee's staff) and administrators read the audit trail.</summary>
    public const string Auditor = "auditor";

    /// <summary>Supervisors and administrators decide residents' erasure requests.</summary>
    public const string ErasureApprover = "erasure-approver";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(RuleAuthor, p => p.RequireRole("rule-author", "admin"));
        options.AddPolicy(Auditor, p => p.RequireRole("auditor", "admin"));
        options.AddPolicy(CaseWorker, p => p.RequireRole("handler", "supervisor", "admin"));
        options.AddPolicy(ErasureApprover, p => p.RequireRole("supervisor", "admin"));
        options.AddPolicy(HealthStation, p => p.RequireRole("handler").RequireClaim(PartyClaim, "health"));
    }

    /// <summary>The acting user's id as recorded in events.</summary>
    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
