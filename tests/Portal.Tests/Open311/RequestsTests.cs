using System.Net;
using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Complaints;
using Marten;

namespace Cerebellum.Portal.Tests.Open311;

[Collection(nameof(PortalCollection))]
public sealed class RequestsTests(PortalFixture fixture)
{
    private readonly Open311Client open311 = new(fixture);

    // Each test files about its own flat, so correlation between tests cannot blur what each checks.
    private string Unit(int index) => fixture.Community.Units[index].Id;

    private async Task<ComplaintRecord> StoredAsync(string requestId)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<ComplaintRecord>(Guid.Parse(requestId)))!;
    }

    [Fact]
    public async Task A_form_post_gives_a_token_then_a_request_on_a_case_opened_with_ComplaintAttached()
    {
        var post = await open311.PostAsync(Open311Client.Noise(Unit(20)));
        post.Status.ShouldBe(HttpStatusCode.OK, post.Body);
        Open311Schemas.ShouldMatch(post.Body, "post-response.json");
        var token = post.Json[0].GetProperty("token").GetString()!;
        post.Json[0].GetProperty("account_id").GetString().ShouldBe("acct-wang-7");

        var id = await open311.WaitForRequestIdAsync(token);
        var tokenAnswer = await open311.GetAsync($"tokens/{token}.json");
        Open311Schemas.ShouldMatch(tokenAnswer.Body, "token-response.json");

        var request = await open311.GetAsync($"requests/{id}.json");
        request.Status.ShouldBe(HttpStatusCode.OK);
        Open311Schemas.ShouldMatch(request.Body, "requests.json");
        Open311Schemas.ShouldMatch(request.Json[0].GetRawText(), "request.json");
        var r = request.Json[0];
        r.GetProperty("service_request_id").GetString().ShouldBe(id);
        r.GetProperty("status").GetString().ShouldBe("open");
        r.GetProperty("service_code").GetString().ShouldBe("noise");
        r.GetProperty("service_name").GetString().ShouldBe("噪声扰民");
        r.GetProperty("agency_responsible").GetString()!.ShouldContain("物业");
        r.GetProperty("status_notes").GetString()!.ShouldContain("已派单");
        r.TryGetProperty("expected_datetime", out _).ShouldBeTrue();
        r.GetProperty("address_id").GetString().ShouldBe(fixture.Community.Units[20].BuildingId);
        r.GetProperty("lat").GetDouble().ShouldBe(30.2905);

        var complaint = await StoredAsync(id);
        complaint.Contact!.Phone.ShouldBe("13900001111"); // stored for the parties on the case
        await using var session = fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(complaint.CaseId!.Value);
        var opened = events.Select(e => e.Data).OfType<CaseOpened>().Single();
        opened.ItemType.ShouldBe("complaint");
        opened.Kind.ShouldBe("noise");
        opened.Location.Unit.ShouldBe(Unit(20));
        events.Select(e => e.Data).OfType<ComplaintAttached>().Single().ComplaintId.ShouldBe(complaint.Id);
        events.Select(e => e.Data).OfType<RiskAssessed>().ShouldNotBeEmpty();
        events.Select(e => e.Data).OfType<TaskAssigned>().ShouldNotBeEmpty();
        (await session.LoadAsync<CaseSummary>(complaint.CaseId.Value))!.ComplaintCount.ShouldBe(1);
    }

    [Fact]
    public async Task Personal_data_and_the_unit_never_appear_in_public_reads()
    {
        var id = await open311.WaitForRequestIdAsync(await open311.SubmitAsync(Open311Client.Noise(Unit(21), "隔壁王阿姨家的音响")));
        var unit = fixture.Community.Units[21];

        foreach (var path in new[] { $"requests/{id}.json", $"requests/{id}.xml", $"requests.json?service_request_id={id}", "requests.xml" })
        {
            var body = (await open311.GetAsync(path)).Body;
            foreach (var secret in new[] { "小明", "13900001111", "wang.xm@example.cn", "phone-device-42", "acct-wang-7",
                         "王阿姨", "img.example.cn", unit.Id, unit.Number, "101室", "first_name", "phone", "email" })
                body.ShouldNotContain(secret, Shouldly.Case.Sensitive, $"{path} leaks '{secret}'");
        }
    }

    [Fact]
    public async Task Complaints_about_the_same_unit_and_category_within_24h_attach_to_the_open_case()
    {
        var first = await open311.WaitForRequestIdAsync(await open311.SubmitAsync(Open311Client.Noise(Unit(22))));
        var second = await open311.WaitForRequestIdAsync(await open311.SubmitAsync(Open311Client.Noise(Unit(22), "又开始了")));
        var otherCategory = await open311.WaitForRequestIdAsync(await open311.SubmitAsync(
        [
            new("api_key", Open311Client.DemoKey), new("service_code", "garbage"), new("address_id", Unit(22)),
            new("description", "门口垃圾三天没人收"),
        ]));

        second.ShouldNotBe(first);
        var a = await StoredAsync(first);
        var b = await StoredAsync(second);
        b.CaseId.ShouldBe(a.CaseId);
        (await StoredAsync(otherCategory)).CaseId.ShouldNotBe(a.CaseId);

        await using var session = fixture.Store.QuerySession();
        var attached = (await session.Events.FetchStreamAsync(a.CaseId!.Value)).Select(e => e.Data).OfType<ComplaintAttached>();
        attached.Select(c => c.ComplaintId).ShouldBe([a.Id, b.Id]);
        (await session.LoadAsync<CaseSummary>(a.CaseId.Value))!.ComplaintCount.ShouldBe(2);

        var both = await open311.GetAsync($"requests.json?service_request_id={first},{second}");
        Open311Schemas.ShouldMatch(both.Body, "requests.json");
        both.Json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe([first, second], ignoreOrder: true);
    }

    [Fact]
    public async Task Requests_filter_by_service_code_status_and_dates()
    {
        var id = await open311.WaitForRequestIdAsync(await open311.SubmitAsync(
        [
            new("api_key", Open311Client.DemoKey), new("service_code", "safety-hazard"), new("address_id", Unit(23)),
            new("description", "楼道里有很重的燃气味"), new("attribute[hazard][]", "gas-smell"), new("attribute[hazard][]", "stairwell-clutter"),
        ]));

        var byCode = await open311.GetAsync("requests.json?service_code=safety-hazard,garbage");
        Open311Schemas.ShouldMatch(byCode.Body, "requests.json");
        var codes = byCode.Json.EnumerateArray().Select(r => r.GetProperty("service_code").GetString()).ToList();
        codes.ShouldAllBe(c => c == "safety-hazard" || c == "garbage");
        byCode.Json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ShouldContain(id);

        var open = await open311.GetAsync("requests.json?status=open&service_code=safety-hazard");
        open.Json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ShouldContain(id);
        var closed = await open311.GetAsync("requests.json?status=closed&service_code=safety-hazard");
        Open311Schemas.ShouldMatch(closed.Body, "requests.json");
        closed.Json.GetArrayLength().ShouldBe(0);

        var future = await open311.GetAsync("requests.json?start_date=2099-01-01T00:00:00%2B08:00");
        future.Json.GetArrayLength().ShouldBe(0);
        var window = await open311.GetAsync(
            $"requests.json?start_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ"))}&end_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"))}");
        window.Json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ShouldContain(id);

        var xml = await open311.GetAsync("requests.xml?service_code=safety-hazard");
        var request = xml.Xml.Root!.Elements("request").First(r => r.Element("service_request_id")!.Value == id);
        xml.Xml.Root!.Name.LocalName.ShouldBe("service_requests");
        foreach (var element in new[] { "status", "service_code", "service_name", "requested_datetime", "agency_responsible", "address" })
            request.Element(element).ShouldNotBeNull(element);
        request.Element("status_notes")!.Value.ShouldContain("橙色"); // a smell of gas is orange in the sample pack
    }

    [Theory]
    [InlineData("requests.json?start_date=yesterday", "start_date")]
    [InlineData("requests.json?end_date=2026-11-28T08:00:00", "end_date")]
    [InlineData("requests.json?status=pending", "status")]
    public async Task Bad_filters_are_400_errors_naming_the_parameter(string path, string parameter)
    {
        var answer = await open311.GetAsync(path);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Json[0].GetProperty("code").GetInt32().ShouldBe(400);
        answer.Json[0].GetProperty("description").GetString()!.ShouldContain(parameter);
    }

    [Fact]
    public async Task Unknown_request_ids_and_tokens_are_404_errors()
    {
        (await open311.GetAsync($"requests/{Guid.NewGuid()}.json")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await open311.GetAsync("requests/not-an-id.xml")).Xml.Root!.Element("error")!.Element("code")!.Value.ShouldBe("404");
        var token = await open311.GetAsync("tokens/0123456789abcdef.json");
        token.Status.ShouldBe(HttpStatusCode.NotFound);
        token.Json[0].GetProperty("code").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task A_post_can_be_answered_in_xml()
    {
        var answer = await open311.PostAsync(Open311Client.Noise(Unit(24)), "xml");

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Body);
        answer.Xml.Root!.Name.LocalName.ShouldBe("service_requests");
        var token = answer.Xml.Root.Element("request")!.Element("token")!.Value;
        await open311.WaitForRequestIdAsync(token);
        var tokenXml = await open311.GetAsync($"tokens/{token}.xml");
        tokenXml.Xml.Root!.Element("request")!.Element("service_request_id").ShouldNotBeNull();
    }
}
