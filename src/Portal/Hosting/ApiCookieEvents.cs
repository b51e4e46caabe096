using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cerebellum.Portal.Hosting;

/// <summary>API clients get status codes, not the sign-in page: 401 when not signed in, 403 when signed in
/// without the role. Pages keep redirecting to /login.</summary>
public static class ApiCookieEvents
{
    public static void Apply(CookieAuthenticationOptions options)
    {
        options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
