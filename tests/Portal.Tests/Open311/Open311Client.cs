using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Alba;

namespace Cerebellum.Portal.Tests.Open311;

/// <summary>Talks to the portal's Open311 endpoint over real HTTP (Alba's test server), as a resident's app would.</summary>
public sealed class Open311Client(PortalFixture fixture)
{
    public const string DemoKey = "cerebellum-open311-demo-key"; // samples/open311/api-keys.json
    private readonly HttpClient http = fixture.Host.Server.CreateClient();

    public sealed record Answer(HttpStatusCode Status, string ContentType, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public XDocument Xml => XDocument.Parse(Body);
    }

    public async Task<Answer> GetAsync(string path)
    {
        var response = await http.GetAsync("/open311/v2/" + path);
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "",
            await response.Content.ReadAsStringAsync());
    }

    public async Task<Answer> PostAsync(IEnumerable<KeyValuePair<string, string>> fields, string format = "json")
    {
        var response = await http.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(fields));
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "",
            await response.Content.ReadAsStringAsync());
    }

    /// <summary>A valid noise complaint about a registered unit, with the resident's contact details.</summary>
    public static List<KeyValuePair<string, string>> Noise(string unitId, string description = "楼上凌晨还在放音乐") =>
    [
        new("api_key", DemoKey), new("service_code", "noise"), new("address_id", unitId),
        new("address_string", "翠苑一区1幢1单元101室"), new("lat", "30.2905"), new("long", "120.1213"),
        new("description", description), new("attribute[noise_source]", "music"), new("attribute[ongoing]", "yes"),
        new("first_name", "小明"), new("last_name", "王"), new("phone", "13900001111"), new("email", "wang.xm@example.cn"),
        new("device_id", "phone-device-42"), new("account_id", "acct-wang-7"), new("media_url", "https://img.example.cn/p/1.jpg"),
    ];

    /// <summary>Posts and returns the token from a 200 answer.</summary>
    public async Task<string> SubmitAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var answer = await PostAsync(fields);
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Body);
        return answer.Json[0].GetProperty("token").GetString()!;
    }

    /// <summary>Polls tokens/{token} until the engine has processed the complaint (asynchronous by design).</summary>
    public async Task<string> WaitForRequestIdAsync(string token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var answer = await GetAsync($"tokens/{token}.json");
            answer.Status.ShouldBe(HttpStatusCode.OK, answer.Body);
            if (answer.Json[0].TryGetProperty("service_request_id", out var id)) return id.GetString()!;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Token {token} was not processed within 30 s");
    }
}
