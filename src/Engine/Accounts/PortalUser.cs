using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Registry;
using Microsoft.AspNetCore.Identity;

namespace Cerebellum.Engine.Accounts;

/// <summary>A person who signs in to the portal. Id is the sign-in name.</summary>
/// <summary>Staff names are internal: staff act in their office's name, their own names are not residents' personal data.</summary>
public sealed record PortalUser(
    [property: Internal] string Id, [property: Internal] string DisplayName, [property: Internal] string Role, [property: Internal] string? OfficeId,
    [property: Internal] string PasswordHash)
{
    private static readonly PasswordHasher<PortalUser> Hasher = new();

    public static PortalUser FromDemo(DemoAccount a)
    {
        var user = new PortalUser(a.UserName, a.DisplayName, a.Role, a.OfficeId, "");
        return user with { PasswordHash = Hasher.HashPassword(user, a.Password) };
    }

    public bool Verify(string password) =>
        Hasher.VerifyHashedPassword(this, PasswordHash, password) != PasswordVerificationResult.Failed;
}
