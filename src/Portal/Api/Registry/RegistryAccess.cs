using Microsoft.AspNetCore.Authorization;

namespace Cerebellum.Portal.Api.Registry;

/// <summary>Who may use the registry API. Places, devices and offices carry no personal data and are open to
/// every signed-in user; importing and households (names, phones, ages, disability: personal and sensitive
/// data, DESIGN.md privacy model) are for administrators only.</summary>
public static class RegistryAccess
{
    public const string AdminRole = "admin";

    public static TBuilder AdminOnly<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizeAttribute { Roles = AdminRole });

    public static TBuilder SignedIn<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization();
}
