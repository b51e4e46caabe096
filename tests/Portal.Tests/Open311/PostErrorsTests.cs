using System.Net;
using System.Text;
using Cerebellum.Engine.Intake.Complaints;
using Marten;

namespace Cerebellum.Portal.Tests.Open311;

/// <summary>Bad submissions get the spec's error list with its status codes and leave nothing stored.</summary>
[Collection(nameof(PortalCollection))]
public sealed class PostErrorsTests(PortalFixture fixture)
{
    private readonly Open311Client open311 = new(fixture);

    private List<KeyValuePair<string, string>> Valid() => Open311Client.Noise(fixture.Community.Units[30].Id);

    private static List<KeyValuePair<string, string>> Without(List<KeyValuePair<string, string>> fields, params string[] names) =>
        fields.Where(f => !names.Contains(f.Key)).ToList();

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    private async Task<Open311Client.Answer> ShouldBeRefusedAsync(
        List<KeyValuePair<string, string>> fields, HttpStatusCode status, string mentions, string format = "json")
    {
        await using var session = fixture.Store.QuerySession();
        var before = await session.Query<ComplaintRecord>().CountAsync();

        var answer = await open311.PostAsync(fields, format);

        answer.Status.ShouldBe(status, answer.Body);
        if (format == "json")
        {
            answer.Json.GetArrayLength().ShouldBeGreaterThan(0);
            answer.Json.EnumerateArray().ShouldAllBe(e => e.GetProperty("code").GetInt32() == (int)status);
            string.Join("\n", answer.Json.EnumerateArray().Select(e => e.GetProperty("description").GetString())).ShouldContain(mentions);
        }
        (await session.Query<ComplaintRecord>().CountAsync()).ShouldBe(before);
        return answer;
    }

    [Fact]
    public Task A_missing_api_key_is_403() => ShouldBeRefusedAsync(Without(Valid(), "api_key"), HttpStatusCode.Forbidden, "api_key");

    [Fact]
    public async Task A_wrong_api_key_is_403_also_in_xml()
    {
        var answer = await ShouldBeRefusedAsync(With(Valid(), "api_key", "guessed"), HttpStatusCode.Forbidden, "api_key", "xml");
        answer.Xml.Root!.Element("error")!.Element("code")!.Value.ShouldBe("403");
    }

    [Fact]
    public Task A_missing_service_code_is_400() => ShouldBeRefusedAsync(Without(Valid(), "service_code"), HttpStatusCode.BadRequest, "service_code");

    [Fact]
    public Task An_unknown_service_code_is_404() => ShouldBeRefusedAsync(With(Valid(), "service_code", "ufo"), HttpStatusCode.NotFound, "ufo");

    [Fact]
    public Task No_location_at_all_is_400() =>
        ShouldBeRefusedAsync(Without(Valid(), "address_id", "address_string", "lat", "long"), HttpStatusCode.BadRequest, "location");

    [Fact]
    public Task An_unknown_address_id_is_400() =>
        ShouldBeRefusedAsync(With(Valid(), "address_id", "cy9-b9-u9999"), HttpStatusCode.BadRequest, "address_id");

    [Fact]
    public Task A_latitude_out_of_range_is_400() => ShouldBeRefusedAsync(With(Valid(), "lat", "123"), HttpStatusCode.BadRequest, "lat");

    [Fact]
    public Task A_missing_required_attribute_is_400() =>
        ShouldBeRefusedAsync(Without(Valid(), "attribute[noise_source]"), HttpStatusCode.BadRequest, "attribute[noise_source]");

    [Fact]
    public Task A_value_outside_the_list_is_400() =>
        ShouldBeRefusedAsync(With(Valid(), "attribute[noise_source]", "aliens"), HttpStatusCode.BadRequest, "aliens");

    [Fact]
    public Task A_media_url_that_is_not_http_is_400() =>
        ShouldBeRefusedAsync(With(Valid(), "media_url", "javascript:alert(1)"), HttpStatusCode.BadRequest, "media_url");

    [Fact]
    public Task A_description_over_4000_characters_is_400() =>
        ShouldBeRefusedAsync(With(Valid(), "description", new string('吵', 4001)), HttpStatusCode.BadRequest, "description");

    [Fact]
    public Task Another_jurisdiction_is_404() =>
        ShouldBeRefusedAsync(With(Valid(), "jurisdiction_id", "elsewhere"), HttpStatusCode.NotFound, "jurisdiction_id");

    [Fact]
    public async Task Several_problems_are_reported_together()
    {
        var answer = await ShouldBeRefusedAsync(
            With(With(Valid(), "email", "not-an-address"), "attribute[ongoing]", "maybe"), HttpStatusCode.BadRequest, "email");
        answer.Json.GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_json_body_is_400_because_the_spec_says_form_encoded()
    {
        var http = fixture.Host.Server.CreateClient();
        var response = await http.PostAsync("/open311/v2/requests.json",
            new StringContent("{\"service_code\":\"noise\"}", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("x-www-form-urlencoded");
    }
}
