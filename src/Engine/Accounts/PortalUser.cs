using Cerebellum.Engine.Registry;
using Microsoft.AspNetCore.Identity;

namespace Cerebellum.Engine.Accounts;

/// <summary>A person who signs in to the portal. Id is the sign-in name.</summary>
public sealed record PortalUser(string Id, string DisplayName, string Role, string? OfficeId, string PasswordHash)
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
