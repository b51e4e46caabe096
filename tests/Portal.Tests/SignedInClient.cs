using System.Net;
using System.Text.RegularExpressions;
using Alba;

namespace Cerebellum.Portal.Tests;

/// <summary>An HttpClient for the test host that has signed in through the real sign-in form
/// (antiforgery token and all) and sends the resulting cookie with every request.</summary>
public static class SignedInClient
{
    public static async Task<HttpClient> CreateAsync(IAlbaHost host, string userName, string password)
    {
        var client = host.Server.CreateClient();
        var page = await client.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = page.Headers.GetValues("Set-Cookie").First().Split(';')[0];

        using var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(login);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith("cerebellum.auth", StringComparison.Ordinal)).ToArray();
        auth.ShouldNotBeEmpty($"{userName} did not get a sign-in cookie");
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", auth));
        return client;
    }
}
