namespace Cerebellum.Portal.Tests.Security;

/// <summary>Who may call a route, as the product means it (DESIGN.md "Who uses it", src/Portal/Accounts/Policies.cs,
/// docs/*.md) — not as the code happens to be. docs/privacy.md "Who may call what" is this table in words.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not (residents, Open311 readers, health checks).</summary>
    Public,
    /// <summary>Any signed-in staff member; what they see may still be redacted to their clearance.</summary>
    SignedIn,
    /// <summary>Handlers (police, property, street, health), supervisors, administrators.</summary>
    CaseWorker,
    /// <summary>Handlers of a health-station office only.</summary>
    HealthStation,
    /// <summary>Rule authors and administrators.</summary>
    RuleAuthor,
    /// <summary>Auditors (ethics committee) and administrators.</summary>
    Auditor,
    /// <summary>Supervisors and administrators.</summary>
    ErasureApprover,
    /// <summary>Administrators only.</summary>
    Admin,
    /// <summary>A registered gateway's X-Api-Key; a staff cookie is no key (401).</summary>
    Gateway,
    /// <summary>A gateway's X-Api-Key or any signed-in staff member.</summary>
    GatewayOrSignedIn,
    /// <summary>An Open311 client's api_key form field; Open311 answers a missing key with 403.</summary>
    Open311Key,
    /// <summary>The Prometheus scraper: a loopback caller (no Cerebellum:Metrics:Token set) or the token's bearer. No staff
    /// cookie or gateway key counts, and the matrix's callers come through the test host from no address: 403 for all.</summary>
    MetricsScraper,
}

/// <summary>One caller of the matrix: a demo user (password in samples/community/generate.py), nobody, or a key.</summary>
public sealed record Caller(string Name, string? Password, string? Role, string? Party)
{
    public bool IsUser => Password is not null;
    public override string ToString() => Name;
}

/// <summary>What a caller should get: through authorization (any status but 401/403), 401 or 403.</summary>
public enum Outcome { Allowed, Unauthorized401, Forbidden403 }

public static class RouteAccess
{
    public static readonly Caller Anonymous = new("anonymous", null, null, null);
    public static readonly Caller ApiKey = new("api-key", null, null, null);

    public static readonly IReadOnlyList<Caller> Callers =
    [
        Anonymous,
        new("police1", "police-demo", "handler", "police"),
        new("property1", "property-demo", "handler", "property"),
        new("street1", "street-demo", "handler", "street"),
        new("health1", "health-demo", "handler", "health"),
        new("supervisor1", "supervisor-demo", "supervisor", null),
        new("author1", "author-demo", "rule-author", null),
        new("auditor1", "auditor-demo", "auditor", null),
        new("admin", "admin-demo", "admin", null),
        ApiKey,
    ];

    /// <summary>Every route the portal maps under /api, /open311, /account, /culture, /feedback, /health and /metrics.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Routes = new Dictionary<string, Access>
    {
        ["GET /health"] = Access.Public,
        ["GET /health/live"] = Access.Public,
        ["GET /metrics"] = Access.MetricsScraper,
        ["GET /culture/{culture}"] = Access.Public,
        ["POST /account/login"] = Access.Public,
        ["POST /account/logout"] = Access.Public,
        ["GET /feedback/{Token}"] = Access.Public,
        ["POST /feedback/{Token}"] = Access.Public,

        // Intake from devices.
        ["POST /api/v1/signals"] = Access.Gateway,
        ["POST /api/v1/vendors/{profile}/signals"] = Access.Gateway,
        ["GET /api/v1/signals"] = Access.GatewayOrSignedIn,
        ["GET /api/v1/signals/{id:guid}"] = Access.GatewayOrSignedIn,
        ["GET /api/v1/gateways/"] = Access.Admin,
        ["POST /api/v1/gateways/"] = Access.Admin,

        // Cases and tasks: reads redacted per viewer, actions for case workers.
        ["GET /api/v1/cases"] = Access.SignedIn,
        ["GET /api/v1/cases/{id:guid}"] = Access.SignedIn,
        // The dossier is the case page on paper: the same rule, redacted to the same clearance, and audited.
        ["GET /api/v1/cases/{id:guid}/dossier.pdf"] = Access.SignedIn,
        ["POST /api/v1/cases"] = Access.CaseWorker,
        ["POST /api/v1/cases/{id:guid}/{action}"] = Access.CaseWorker,
        ["POST /api/v1/cases/{id:guid}/merge"] = Access.CaseWorker,
        ["POST /api/v1/cases/{id:guid}/sensitive-reads"] = Access.CaseWorker,
        ["POST /api/v1/cases/{id:guid}/tasks/{taskKey}/accept"] = Access.CaseWorker,
        ["POST /api/v1/cases/{id:guid}/tasks/{taskKey}/reject"] = Access.CaseWorker,
        ["POST /api/v1/cases/{id:guid}/tasks/{taskKey}/hand-off"] = Access.CaseWorker,
        ["POST /api/v1/cases/{id:guid}/tasks/{taskKey}/assist"] = Access.CaseWorker,
        ["POST /api/v1/cases/{id:guid}/tasks/{taskKey}/notes"] = Access.CaseWorker,
        ["POST /api/v1/cases/{id:guid}/tasks/{taskKey}/resolve"] = Access.CaseWorker,
        ["POST /api/v1/health-reports"] = Access.HealthStation,
        ["GET /api/v1/statistics/buildings"] = Access.SignedIn,

        // Residents' feedback (回访) and erasure requests come with a token, not an account.
        ["GET /api/v1/feedback/{token}"] = Access.Public,
        ["POST /api/v1/feedback/{token}"] = Access.Public,
        ["POST /api/v1/erasure-requests"] = Access.Public,
        ["GET /api/v1/erasure-requests"] = Access.ErasureApprover,
        ["POST /api/v1/erasure-requests/{id:guid}/approve"] = Access.ErasureApprover,
        ["POST /api/v1/erasure-requests/{id:guid}/reject"] = Access.ErasureApprover,

        // Registry: places carry no personal data; households are redacted per clearance; import is admin work.
        ["POST /api/v1/registry/import"] = Access.Admin,
        ["GET /api/v1/registry/compounds"] = Access.SignedIn,
        ["GET /api/v1/registry/buildings"] = Access.SignedIn,
        ["GET /api/v1/registry/units"] = Access.SignedIn,
        ["GET /api/v1/registry/devices"] = Access.SignedIn,
        ["GET /api/v1/registry/offices"] = Access.SignedIn,
        ["GET /api/v1/registry/households"] = Access.CaseWorker,

        // Rule packs and routing definitions: authors write, every staff member may read published routing.
        ["GET /api/v1/rule-packs/"] = Access.RuleAuthor,
        ["POST /api/v1/rule-packs/validate"] = Access.RuleAuthor,
        ["POST /api/v1/rule-packs/test"] = Access.RuleAuthor,
        ["POST /api/v1/rule-packs/backtest"] = Access.RuleAuthor,
        ["POST /api/v1/rule-packs/publish"] = Access.RuleAuthor,
        ["GET /api/v1/rule-packs/{id}/draft"] = Access.RuleAuthor,
        ["PUT /api/v1/rule-packs/{id}/draft"] = Access.RuleAuthor,
        ["GET /api/v1/routing-definitions"] = Access.SignedIn,
        ["GET /api/v1/routing-definitions/{id}/versions"] = Access.SignedIn,
        ["GET /api/v1/routing-definitions/{id}/versions/{version:int}"] = Access.SignedIn,
        ["GET /api/v1/routing-definitions/{id}/versions/{version:int}/diagram"] = Access.SignedIn,
        ["GET /api/v1/routing-definitions/{id}/draft"] = Access.RuleAuthor,
        ["PUT /api/v1/routing-definitions/{id}/draft"] = Access.RuleAuthor,
        ["POST /api/v1/routing-definitions/validate"] = Access.RuleAuthor,
        ["POST /api/v1/routing-definitions/publish"] = Access.RuleAuthor,

        // Audit trail and ethics-review exports.
        ["GET /api/v1/audit"] = Access.Auditor,
        ["GET /api/v1/audit/verification"] = Access.Auditor,
        ["POST /api/v1/exports/ethics-review"] = Access.Auditor,
        ["GET /api/v1/exports/"] = Access.Auditor,
        ["GET /api/v1/exports/{id:guid}"] = Access.Auditor,
        ["GET /api/v1/exports/{id:guid}/files/{name}"] = Access.Auditor,

        // Open311 GeoReport v2: reads are public (public data only, docs/open311.md); filing needs an api_key.
        ["GET /open311/v2/discovery.{format}"] = Access.Public,
        ["GET /open311/v2/services.{format}"] = Access.Public,
        ["GET /open311/v2/services/{code}.{format}"] = Access.Public,
        ["GET /open311/v2/requests.{format}"] = Access.Public,
        ["GET /open311/v2/requests/{id}.{format}"] = Access.Public,
        ["GET /open311/v2/tokens/{token}.{format}"] = Access.Public,
        ["POST /open311/v2/requests.{format}"] = Access.Open311Key,
    };

    public static Outcome Expected(Access access, Caller caller) => access switch
    {
        Access.Public => Outcome.Allowed,
        Access.Gateway => caller == ApiKey ? Outcome.Allowed : Outcome.Unauthorized401,
        Access.GatewayOrSignedIn => caller == Anonymous ? Outcome.Unauthorized401 : Outcome.Allowed,
        Access.Open311Key => caller == ApiKey ? Outcome.Allowed : Outcome.Forbidden403,
        Access.MetricsScraper => Outcome.Forbidden403,
        _ when !caller.IsUser => Outcome.Unauthorized401,
        _ => Permits(access, caller) ? Outcome.Allowed : Outcome.Forbidden403,
    };

    private static bool Permits(Access access, Caller user) => access switch
    {
        Access.SignedIn => true,
        Access.CaseWorker => user.Role is "handler" or "supervisor" or "admin",
        Access.HealthStation => user is { Role: "handler", Party: "health" },
        Access.RuleAuthor => user.Role is "rule-author" or "admin",
        Access.Auditor => user.Role is "auditor" or "admin",
        Access.ErasureApprover => user.Role is "supervisor" or "admin",
        Access.Admin => user.Role is "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Not a cookie-user rule"),
    };
}
