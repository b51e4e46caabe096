using System.Security.Claims;
using Cerebellum.Engine.Accounts;
using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Registry;
using Cerebellum.Portal.Hosting;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Cerebellum.Portal.Accounts;

/// <summary>Sign-in, sign-out and language choice: plain form posts, outside the Blazor circuit,
/// because cookies can only be written on an HTTP response.</summary>
public static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", SignInAsync).RequireRateLimiting(RateLimits.SignIn);
        app.MapPost("/account/logout", async (HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        {
            if (http.User.Identity?.IsAuthenticated == true)
            {
                await AuditTrail.RecordAsync(session, new AuditRequest(Policies.Actor(http.User), AuditActions.SignedOut, clock.GetUtcNow()), ct);
                await session.SaveChangesAsync(ct);
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        });
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!Culture.Supported.Contains(culture)) culture = Culture.Supported[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).AllowAnonymous();
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
        HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var user = await session.LoadAsync<PortalUser>(userName.Trim(), ct);
        if (user is null || !user.Verify(password))
        {
            // An unknown name is not recorded as typed: people type passwords into the name field.
            await AuditTrail.RecordAsync(session, new AuditRequest(user?.Id ?? "unknown-user", AuditActions.SignInFailed,
                clock.GetUtcNow(), Detail: user is null ? "unknown user name" : "wrong password"), ct);
            await session.SaveChangesAsync(ct);
            return Results.LocalRedirect($"/login?failed=1&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
        }
        await AuditTrail.RecordAsync(session, new AuditRequest(user.Id, AuditActions.SignedIn, clock.GetUtcNow()), ct);
        await session.SaveChangesAsync(ct);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
        };
        if (user.OfficeId is not null)
        {
            claims.Add(new Claim("office", user.OfficeId));
            if (await session.LoadAsync<Office>(user.OfficeId, ct) is { } office)
                claims.Add(new Claim(Policies.PartyClaim, office.Party.ToString().ToLowerInvariant()));
        }
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        return Results.LocalRedirect(SafeReturn(returnUrl));
    }

    // Only local paths: an open redirect would let a phishing link reuse our sign-in page.
    private static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
