using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Cerebellum.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cerebellum.Portal.Tests.Security;

/// <summary>Issue #7 item 7: every route of the real portal against every role. A route missing from
/// <see cref="RouteAccess.Routes"/> fails the build of trust, so no endpoint ships without a declared access rule;
/// then each route is called once per caller and must answer 401/403 exactly where the table says.</summary>
[Collection(nameof(PortalCollection))]
public sealed class RoleMatrixTests(PortalFixture fixture)
{
    private static readonly string[] Prefixes = ["/api", "/open311", "/account", "/culture", "/feedback", "/health", "/metrics"];
    private static readonly ConcurrentDictionary<(string Db, string User), string> Cookies = new();
    private const string Open311DemoKey = "cerebellum-open311-demo-key"; // samples/open311/api-keys.json

    public static TheoryData<string> RouteKeys() => new(RouteAccess.Routes.Keys.Order());

    [Fact]
    public void Every_mapped_route_has_a_declared_access_rule_and_every_declared_route_is_mapped()
    {
        var mapped = MappedRoutes();

        var undeclared = mapped.Where(r => !RouteAccess.Routes.ContainsKey(r)).ToList();
        undeclared.ShouldBeEmpty("Declare who may call these routes in tests/Portal.Tests/Security/RouteAccess.cs " +
            "(and docs/privacy.md, \"Who may call what\"): " + string.Join(", ", undeclared));
        var stale = RouteAccess.Routes.Keys.Where(r => !mapped.Contains(r)).ToList();
        stale.ShouldBeEmpty("The matrix names routes the portal no longer maps: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(RouteKeys))]
    public async Task Each_role_gets_401_or_403_exactly_where_the_matrix_says(string route)
    {
        var access = RouteAccess.Routes[route];
        var failures = new List<string>();
        foreach (var caller in RouteAccess.Callers)
        {
            var expected = RouteAccess.Expected(access, caller);
            var status = await SendAsync(route, caller);
            var actual = status switch
            {
                HttpStatusCode.Unauthorized => Outcome.Unauthorized401,
                HttpStatusCode.Forbidden => Outcome.Forbidden403,
                _ => Outcome.Allowed,
            };
            if (actual != expected) failures.Add($"{caller}: expected {expected}, got {(int)status} {status}");
        }
        failures.ShouldBeEmpty($"{route} ({access})");
    }

    [Fact]
    public void The_matrix_itself_separates_roles_so_a_rule_cannot_silently_open_to_everyone()
    {
        // Guards the table's own logic: each staff rule admits some users and refuses others.
        foreach (var access in new[] { Access.CaseWorker, Access.HealthStation, Access.RuleAuthor, Access.Auditor, Access.ErasureApprover, Access.Admin })
        {
            var outcomes = RouteAccess.Callers.Where(c => c.IsUser).Select(c => RouteAccess.Expected(access, c)).ToList();
            outcomes.ShouldContain(Outcome.Allowed, access.ToString());
            outcomes.ShouldContain(Outcome.Forbidden403, access.ToString());
            RouteAccess.Expected(access, RouteAccess.Anonymous).ShouldBe(Outcome.Unauthorized401);
            RouteAccess.Expected(access, RouteAccess.ApiKey).ShouldBe(Outcome.Unauthorized401);
        }
        RouteAccess.Expected(Access.HealthStation, RouteAccess.Callers.Single(c => c.Name == "admin")).ShouldBe(Outcome.Forbidden403);
    }

    [Fact]
    public void Docs_privacy_shows_the_matrix_the_tests_enforce()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "privacy.md")).ReplaceLineEndings("\n");
        var table = MatrixDocument.Render();
        doc.Contains(table).ShouldBeTrue("docs/privacy.md, \"Who may call what\", should hold this table:\n" + table);
    }

    private HashSet<string> MappedRoutes()
    {
        var sources = fixture.Host.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && Prefixes.Any(p => raw == p || raw.StartsWith(p + "/") || raw.StartsWith(p + ".")))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
    }

    private async Task<HttpStatusCode> SendAsync(string route, Caller caller)
    {
        var space = route.IndexOf(' ');
        var method = new HttpMethod(route[..space]);
        var isOpen311Post = route == "POST /open311/v2/requests.{format}";
        using var request = new HttpRequestMessage(method, Url(route[(space + 1)..]));
        if (method != HttpMethod.Get)
            request.Content = isOpen311Post
                ? new FormUrlEncodedContent(caller == RouteAccess.ApiKey ? [new("api_key", Open311DemoKey)] : [])
                : new StringContent("{}", Encoding.UTF8, "application/json");
        if (caller == RouteAccess.ApiKey) request.Headers.Add("X-Api-Key", fixture.KeyFor("gw-http"));
        // Signing out ends that cookie for good, so that call gets a cookie of its own.
        if (caller.IsUser) request.Headers.Add("Cookie", route == "POST /account/logout"
            ? await fixture.SignInAsync(caller.Name, caller.Password!)
            : await CookieAsync(caller));
        using var client = fixture.Host.Server.CreateClient();
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> CookieAsync(Caller caller)
    {
        var key = (fixture.ConnectionString, caller.Name);
        if (Cookies.TryGetValue(key, out var cookie)) return cookie;
        return Cookies[key] = await fixture.SignInAsync(caller.Name, caller.Password!);
    }

    /// <summary>Route values that pass the constraints: a random GUID, version 1, JSON format, a sample word.</summary>
    private static string Url(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(?::(\w+))?\}", m =>
        (m.Groups[1].Value, m.Groups[2].Value) switch
        {
            (_, "guid") => Guid.NewGuid().ToString(),
            (_, "int") => "1",
            ("format", _) => "json",
            ("culture", _) => "en-US",
            _ => "sample",
        });
}
