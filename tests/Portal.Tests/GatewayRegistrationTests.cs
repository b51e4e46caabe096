using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;

namespace Cerebellum.Portal.Tests;

/// <summary>The administrator registers a gateway and receives its key once; the key then works.</summary>
[Collection(nameof(PortalCollection))]
public sealed class GatewayRegistrationTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_administrator_registers_a_gateway_whose_key_then_posts_signals()
    {
        var cookie = await SignInAsync("admin", "admin-demo");
        var id = "gw-new-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { id, name = "新网关", communityId = "cuiyuan", vendorProfile = "hikvision" }).ToUrl("/api/v1/gateways");
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBe(201);
        });
        var key = JsonDocument.Parse(await created.ReadAsTextAsync()).RootElement.GetProperty("apiKey").GetString()!;
        key.ShouldStartWith("cbk_");

        await fixture.Host.Scenario(s =>
        {
            s.Post.Text($$"""{"eventId":"HK-{{id}}","deviceSerial":"dev-smoke-cy1-b1-u0101","alarmCode":"E01","dateTime":"2026-11-28T03:12:00+08:00"}""")
                .ToUrl("/api/v1/vendors/hikvision/signals");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("X-Api-Key", key);
            s.StatusCodeShouldBe(202);
        });

        var list = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/v1/gateways");
            s.WithRequestHeader("Cookie", cookie);
        });
        var text = await list.ReadAsTextAsync();
        text.ShouldContain(id);
        text.ShouldNotContain(key);
        text.ShouldNotContain("keyHash");
    }

    [Fact]
    public async Task Bad_registrations_name_the_field_and_others_than_administrators_are_refused()
    {
        var admin = await SignInAsync("admin", "admin-demo");
        var bad = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { id = "Bad Id", name = "x", communityId = "nowhere", vendorProfile = "acme" }).ToUrl("/api/v1/gateways");
            s.WithRequestHeader("Cookie", admin);
            s.StatusCodeShouldBe(400);
        });
        JsonDocument.Parse(await bad.ReadAsTextAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["id", "communityId", "vendorProfile"], ignoreOrder: true);

        var handler = await SignInAsync("street1", "street-demo");
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { id = "gw-x", name = "x", communityId = "cuiyuan" }).ToUrl("/api/v1/gateways");
            s.WithRequestHeader("Cookie", handler);
            s.StatusCodeShouldBe(403);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/v1/gateways");
            s.StatusCodeShouldBe(401);
        });
    }

    private async Task<string> SignInAsync(string user, string password)
    {
        var page = await fixture.Host.Scenario(s => s.Get.Url("/login"));
        var token = Regex.Match(await page.ReadAsTextAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = page.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["userName"] = user, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }).ToUrl("/account/login");
            s.WithRequestHeader("Cookie", antiforgery);
            s.StatusCodeShouldBe(302);
        });
        return result.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]).Single(c => c.StartsWith("cerebellum.auth"));
    }
}
