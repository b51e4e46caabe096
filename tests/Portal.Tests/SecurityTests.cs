using System.Net;
using System.Text;
using System.Text.Json;
using Cerebellum.Portal.Hosting;

namespace Cerebellum.Portal.Tests;

/// <summary>A portal with the tight limits an attacker would meet (its own host and database).</summary>
public sealed class LowLimitPortalFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Cerebellum:RateLimits:SignInPerMinute"] = "3",
        ["Cerebellum:RateLimits:PublicIntakePerMinute"] = "2",
    };
}

public sealed class RateLimitTests(LowLimitPortalFixture fixture) : IClassFixture<LowLimitPortalFixture>
{
    [Fact]
    public async Task Open311_posts_beyond_the_limit_get_429_in_the_spec_error_format_with_retry_after()
    {
        var http = fixture.Host.Server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            // Any post counts, valid or not: the limit protects the door, not the content.
            last = await http.PostAsync("/open311/v2/requests.json", new StringContent("{}", Encoding.UTF8, "application/json"));
            statuses.Add(last.StatusCode);
        }
        statuses.Take(2).ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        statuses[2].ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
        var body = JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement;
        body[0].GetProperty("code").GetInt32().ShouldBe(429);

        // Reading is not limited: residents can still follow their requests.
        (await http.GetAsync("/open311/v2/services.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_problem_details()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var (token, cookie) = await fixture.AntiforgeryAsync();
            var result = await fixture.Host.Scenario(s =>
            {
                s.Post.FormData(new Dictionary<string, string> { ["userName"] = "police1", ["password"] = "guess" + i, ["__RequestVerificationToken"] = token })
                    .ToUrl("/account/login");
                s.WithRequestHeader("Cookie", cookie);
                s.IgnoreStatusCode();
            });
            statuses.Add(result.Context.Response.StatusCode);
            if (statuses[^1] == 429)
                (await result.ReadAsTextAsync()).ShouldContain("Too many requests");
        }
        statuses.Take(3).ShouldAllBe(s => s == 302);
        statuses.Skip(3).ShouldAllBe(s => s == 429);
    }
}

[Collection(nameof(PortalCollection))]
public sealed class SecurityHeaderTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/health")]
    [InlineData("/open311/v2/services.json")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await fixture.Host.Server.CreateClient().GetAsync(url);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task The_sign_in_form_refuses_a_post_without_its_antiforgery_token()
    {
        var response = await fixture.Host.Server.CreateClient().PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "police1", ["password"] = "police-demo" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }
}
