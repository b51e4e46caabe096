namespace Cerebellum.Portal.Tests;

/// <summary>An HttpClient for the test host that sends a signed-in user's cookie with every request
/// (the sign-in itself is <see cref="PortalFixture.SignInAsync"/>, through the real form).</summary>
public static class SignedInClient
{
    public static async Task<HttpClient> CreateAsync(PortalFixture fixture, string userName, string password)
    {
        var cookie = await fixture.SignInAsync(userName, password);
        var client = fixture.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
