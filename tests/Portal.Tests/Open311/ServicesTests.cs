using System.Net;

namespace Cerebellum.Portal.Tests.Open311;

[Collection(nameof(PortalCollection))]
public sealed class ServicesTests(PortalFixture fixture)
{
    private readonly Open311Client open311 = new(fixture);

    [Fact]
    public async Task Services_list_every_complaint_category_and_matches_the_schema()
    {
        var answer = await open311.GetAsync("services.json");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.ContentType.ShouldStartWith("application/json");
        Open311Schemas.ShouldMatch(answer.Body, "services.json");
        var codes = answer.Json.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()).ToList();
        codes.ShouldBe(["noise", "leak-from-upstairs", "illegal-parking", "garbage", "neighbour-dispute", "safety-hazard", "property-service"], ignoreOrder: true);
        var noise = answer.Json.EnumerateArray().First(s => s.GetProperty("service_code").GetString() == "noise");
        noise.GetProperty("service_name").GetString().ShouldBe("噪声扰民");
        noise.GetProperty("metadata").GetBoolean().ShouldBeTrue();
        noise.GetProperty("type").GetString().ShouldBe("realtime");
        noise.GetProperty("group").GetString().ShouldBe("neighbourhood");
    }

    [Fact]
    public async Task Services_speak_english_on_request()
    {
        var answer = await open311.GetAsync("services.json?culture=en");

        Open311Schemas.ShouldMatch(answer.Body, "services.json");
        answer.Json.EnumerateArray().Select(s => s.GetProperty("service_name").GetString()).ShouldContain("Noise nuisance");
    }

    [Fact]
    public async Task Services_as_xml_use_the_spec_elements()
    {
        var answer = await open311.GetAsync("services.xml");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.ContentType.ShouldStartWith("text/xml");
        var root = answer.Xml.Root!;
        root.Name.LocalName.ShouldBe("services");
        var services = root.Elements("service").ToList();
        services.Count.ShouldBe(7);
        foreach (var element in new[] { "service_code", "service_name", "description", "metadata", "type", "keywords", "group" })
            services[0].Element(element).ShouldNotBeNull(element);
        services.First(s => s.Element("service_code")!.Value == "garbage").Element("metadata")!.Value.ShouldBe("false");
    }

    [Fact]
    public async Task A_service_definition_lists_its_attributes_and_matches_the_schema()
    {
        var answer = await open311.GetAsync("services/safety-hazard.json");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        Open311Schemas.ShouldMatch(answer.Body, "service-definition.json");
        answer.Json.GetProperty("service_code").GetString().ShouldBe("safety-hazard");
        var hazard = answer.Json.GetProperty("attributes")[0];
        hazard.GetProperty("code").GetString().ShouldBe("hazard");
        hazard.GetProperty("datatype").GetString().ShouldBe("multivaluelist");
        hazard.GetProperty("required").GetBoolean().ShouldBeTrue();
        hazard.GetProperty("variable").GetBoolean().ShouldBeTrue();
        hazard.GetProperty("order").GetInt32().ShouldBe(1);
        hazard.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()).ShouldContain("gas-smell");
    }

    [Theory]
    [InlineData("noise")]
    [InlineData("leak-from-upstairs")]
    [InlineData("illegal-parking")]
    [InlineData("garbage")]
    [InlineData("neighbour-dispute")]
    [InlineData("property-service")]
    public async Task Every_service_definition_matches_the_schema(string code)
    {
        var answer = await open311.GetAsync($"services/{code}.json?culture=en");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        Open311Schemas.ShouldMatch(answer.Body, "service-definition.json");
    }

    [Fact]
    public async Task A_service_definition_as_xml_nests_attributes_and_values()
    {
        var answer = await open311.GetAsync("services/noise.xml");

        var root = answer.Xml.Root!;
        root.Name.LocalName.ShouldBe("service_definition");
        root.Element("service_code")!.Value.ShouldBe("noise");
        var attribute = root.Element("attributes")!.Elements("attribute").First();
        attribute.Element("code")!.Value.ShouldBe("noise_source");
        attribute.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value).ShouldContain("renovation");
    }

    [Fact]
    public async Task An_unknown_service_is_a_404_in_the_spec_error_format_in_json_and_xml()
    {
        var json = await open311.GetAsync("services/no-such-thing.json");
        json.Status.ShouldBe(HttpStatusCode.NotFound);
        json.Json[0].GetProperty("code").GetInt32().ShouldBe(404);
        json.Json[0].GetProperty("description").GetString()!.ShouldContain("no-such-thing");

        var xml = await open311.GetAsync("services/no-such-thing.xml");
        xml.Status.ShouldBe(HttpStatusCode.NotFound);
        var error = xml.Xml.Root!.Element("error")!;
        xml.Xml.Root!.Name.LocalName.ShouldBe("errors");
        error.Element("code")!.Value.ShouldBe("404");
        error.Element("description")!.Value.ShouldContain("no-such-thing");
    }

    [Fact]
    public async Task Another_jurisdiction_is_a_404_and_ours_is_accepted()
    {
        (await open311.GetAsync("services.json?jurisdiction_id=elsewhere")).Status.ShouldBe(HttpStatusCode.NotFound);
        var ours = await open311.GetAsync($"services.json?jurisdiction_id={fixture.Community.Community.Id}");
        ours.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400()
    {
        var answer = await open311.GetAsync("services.csv");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Json[0].GetProperty("code").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task Discovery_names_the_endpoint_and_its_formats()
    {
        var json = await open311.GetAsync("discovery.json");
        json.Status.ShouldBe(HttpStatusCode.OK);
        var endpoint = json.Json.GetProperty("endpoints")[0];
        endpoint.GetProperty("url").GetString()!.ShouldEndWith("/open311/v2");
        endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()).ShouldBe(["application/json", "text/xml"]);

        var xml = await open311.GetAsync("discovery.xml");
        xml.Xml.Root!.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Count().ShouldBe(2);
    }
}
