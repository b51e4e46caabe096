using System.Net;
using System.Text.RegularExpressions;

namespace Cerebellum.Portal.Tests.Open311;

/// <summary>The case page lists a case's complaints, redacted to the viewer's clearance: the resident's contact details
/// (personal) and the complaint's text (internal) only for a user whose office has a task on the case.</summary>
[Collection(nameof(PortalCollection))]
public sealed partial class CaseComplaintsPageTests(PortalFixture fixture)
{
    private readonly Open311Client open311 = new(fixture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private async Task<HttpClient> SignedInAsync(string user, string password)
    {
        var client = fixture.Host.Server.CreateClient();
        var page = await client.GetAsync("/login");
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var cookies = new List<string> { page.Headers.GetValues("Set-Cookie").First().Split(';')[0] };
        var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = user, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Cookie", string.Join("; ", cookies));
        var signedIn = await client.SendAsync(login);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        cookies.Add(signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cerebellum.auth")).Split(';')[0]);
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        return client;
    }

    [Fact]
    public async Task The_property_office_on_the_case_sees_the_contact_and_the_text_and_the_police_who_are_not_see_neither()
    {
        var unit = fixture.Community.Units[25]; // compound cy1, covered by the sample's property office
        var id = await open311.WaitForRequestIdAsync(await open311.SubmitAsync(
        [
            new("api_key", Open311Client.DemoKey), new("service_code", "garbage"), new("address_id", unit.Id),
            new("description", "单元门口的垃圾桶三天没清"), new("last_name", "王"), new("first_name", "小明"), new("phone", "13900002222"),
        ]));
        await using var session = fixture.Store.QuerySession();
        var caseId = (await session.LoadAsync<Cerebellum.Engine.Intake.Complaints.ComplaintRecord>(Guid.Parse(id)))!.CaseId;

        var property = await (await SignedInAsync("property1", "property-demo")).GetStringAsync($"/cases/{caseId}");
        property.ShouldContain("单元门口的垃圾桶三天没清");
        property.ShouldContain("王小明 13900002222");

        var police = await (await SignedInAsync("police1", "police-demo")).GetStringAsync($"/cases/{caseId}");
        police.ShouldNotContain("单元门口的垃圾桶三天没清");
        police.ShouldContain("〔无权查看〕");
        police.ShouldNotContain("13900002222");
        police.ShouldNotContain("王小明");
        police.ShouldContain("联系方式仅对承办单位可见");
    }
}
