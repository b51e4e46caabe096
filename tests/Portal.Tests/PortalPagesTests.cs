using Alba;

namespace Cerebellum.Portal.Tests;

[Collection(nameof(PortalCollection))]
public sealed class PortalPagesTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_inbox_sends_a_visitor_who_is_not_signed_in_to_the_sign_in_page()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/inbox");
            s.StatusCodeShouldBe(302);
        });
        result.Context.Response.Headers.Location.ToString().ShouldEndWith("/login?ReturnUrl=%2Finbox");
    }

    [Theory]
    [InlineData("/login", "用户名", "lang=\"zh-CN\"")]
    [InlineData("/login?culture=en", "User name", "lang=\"en\"")]
    public async Task The_portal_speaks_chinese_by_default_and_english_on_request(string url, string label, string lang)
    {
        var result = await fixture.Host.Scenario(s => s.Get.Url(url));
        var html = await result.ReadAsTextAsync();
        html.ShouldContain(label);
        html.ShouldContain(lang);
    }

    [Fact]
    public async Task A_wrong_password_returns_to_the_sign_in_page_with_a_failure_and_no_cookie()
    {
        var (token, antiforgeryCookie) = await fixture.AntiforgeryAsync();
        token.ShouldNotBeNullOrEmpty();

        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["userName"] = "street1", ["password"] = "not-the-password", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }).ToUrl("/account/login");
            s.WithRequestHeader("Cookie", antiforgeryCookie);
            s.StatusCodeShouldBe(302);
        });
        result.Context.Response.Headers.Location.ToString().ShouldStartWith("/login?failed=1");
        result.Context.Response.Headers.SetCookie.ToString().ShouldNotContain("cerebellum.auth");
    }
}
