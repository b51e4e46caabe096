using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cerebellum.Engine.Registry;

namespace Cerebellum.Portal.Tests;

[Collection(nameof(PortalCollection))]
public sealed class RegistryApiTests(PortalFixture fixture)
{
    private Task<HttpClient> Admin() => SignedInClient.CreateAsync(fixture, "admin", "admin-demo");
    private Task<HttpClient> GridWorker() => SignedInClient.CreateAsync(fixture, "street1", "street-demo");

    private static MultipartFormDataContent Files(params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "files", name);
        return form;
    }

    [Fact]
    public async Task An_administrator_imports_csv_files_and_sees_the_new_records()
    {
        var admin = await Admin();
        var response = await admin.PostAsync("/api/v1/registry/import", Files(
            ("compounds.csv", "id,communityId,name\napi1,cuiyuan,\"翠苑四区, 东\"\n"),
            ("buildings.csv", "id,compoundId,name,floors\napi1-b1,api1,1幢,26\n"),
            ("units.csv", "id,buildingId,entrance,number,floor\napi1-b1-u2601,api1-b1,1单元,2601室,26\n"),
            ("devices.csv", "id,kind,vendor,compoundId,buildingId,unitId,label\ndev-smoke-api1-b1-u2601,smoke,hikvision,api1,api1-b1,api1-b1-u2601,烟感\n")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var counts = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported");
        counts.GetProperty("compounds").GetInt32().ShouldBe(1);
        counts.GetProperty("devices").GetInt32().ShouldBe(1);

        var buildings = await admin.GetFromJsonAsync<JsonElement>("/api/v1/registry/buildings?compound=api1");
        buildings.EnumerateArray().Select(b => b.GetProperty("id").GetString()).ShouldBe(["api1-b1"]);
        var devices = await admin.GetFromJsonAsync<JsonElement>("/api/v1/registry/devices?unit=api1-b1-u2601");
        devices.EnumerateArray().Single().GetProperty("kind").GetString().ShouldBe("smoke");
    }

    [Fact]
    public async Task A_json_body_is_imported_like_a_file()
    {
        var admin = await Admin();
        var response = await admin.PostAsJsonAsync("/api/v1/registry/import", new
        {
            compounds = new[] { new { id = "api2", communityId = "cuiyuan", name = "翠苑五区" } },
            offices = new[] { new { id = "property-api2", party = "property", name = "测试物业", compounds = new[] { "api2" }, email = "a@b.example.cn" } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var offices = await admin.GetFromJsonAsync<JsonElement>("/api/v1/registry/offices");
        offices.EnumerateArray().ShouldContain(o => o.GetProperty("id").GetString() == "property-api2");
    }

    [Fact]
    public async Task A_bad_row_answers_400_with_every_error_and_stores_nothing()
    {
        var admin = await Admin();
        var response = await admin.PostAsync("/api/v1/registry/import", Files(
            ("compounds.csv", "id,communityId,name\napi3,cuiyuan,翠苑六区\n"),
            ("buildings.csv", "id,compoundId,name,floors\napi3-b1,api3,1幢,6\napi3-b2,api-none,2幢,six\n")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("file").GetString(), e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()))
            .ToList();
        errors.ShouldBe([("buildings.csv", 3, "floors"), ("buildings.csv", 3, "compoundId")], ignoreOrder: true);

        var compounds = await admin.GetFromJsonAsync<JsonElement>("/api/v1/registry/compounds");
        compounds.EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetString() == "api3");
    }

    [Fact]
    public async Task Only_an_administrator_may_import_and_households_are_redacted_to_each_viewers_clearance()
    {
        var worker = await GridWorker();
        var import = await worker.PostAsync("/api/v1/registry/import", Files(("compounds.csv", "id,communityId,name\napi4,cuiyuan,翠苑七区\n")));
        import.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var anonymous = fixture.Host.Server.CreateClient();
        (await anonymous.GetAsync("/api/v1/registry/compounds")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/registry/households?unit=cy1-b1-u0101")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var auditor = await SignedInClient.CreateAsync(fixture, "auditor1", "auditor-demo");
        (await auditor.GetAsync("/api/v1/registry/households?unit=cy1-b1-u0101")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await Admin();
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/registry/compounds"))
            .EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetString() == "api4");
        var resident = fixture.Community.Households.Single(h => h.UnitId == "cy1-b1-u0101").Members[0];

        // The administrator keeps the registry: everything, care list included.
        var households = await admin.GetFromJsonAsync<List<Household>>("/api/v1/registry/households?unit=cy1-b1-u0101");
        households!.ShouldHaveSingleItem().Members[0].ShouldBe(resident);

        // The street office covers the whole community: names, phones and ages, not the care list or disability.
        var street = (await worker.GetFromJsonAsync<JsonElement>("/api/v1/registry/households?unit=cy1-b1-u0101"))[0];
        street.GetProperty("members")[0].GetProperty("name").GetString().ShouldBe(resident.Name);
        street.GetProperty("members")[0].GetProperty("phone").GetString().ShouldBe(resident.Phone);
        street.GetProperty("members")[0].TryGetProperty("disability", out _).ShouldBeFalse();
        street.TryGetProperty("careGroup", out _).ShouldBeFalse();

        // A property company of another compound: masked names and phones only.
        var property2 = await SignedInClient.CreateAsync(fixture, "property2", "property-demo");
        var elsewhere = await property2.GetStringAsync("/api/v1/registry/households?unit=cy1-b1-u0101");
        elsewhere.ShouldNotContain(resident.Phone);
        var member = JsonDocument.Parse(elsewhere).RootElement[0].GetProperty("members")[0];
        member.GetProperty("name").GetString().ShouldBe(Cerebellum.Engine.Privacy.Masking.Name(resident.Name));
        member.GetProperty("phone").GetString().ShouldBe(resident.Phone[..3] + "****" + resident.Phone[^4..]);
        member.TryGetProperty("birthYear", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_signed_in_handler_reads_places_devices_and_offices_without_personal_data()
    {
        var worker = await GridWorker();
        var compounds = await worker.GetStringAsync("/api/v1/registry/compounds");
        compounds.ShouldContain("翠苑一区");
        var units = await worker.GetStringAsync("/api/v1/registry/units?building=cy1-b1");
        units.ShouldContain("cy1-b1-u0101");
        var devices = await worker.GetStringAsync("/api/v1/registry/devices?building=cy1-b1");
        devices.ShouldContain("dev-smoke-cy1-b1-u0101");
        var offices = await worker.GetStringAsync("/api/v1/registry/offices");
        offices.ShouldContain("property-lvcheng");

        // Nothing a list returns to a handler names or rings a resident.
        var resident = fixture.Community.Households.Single(h => h.UnitId == "cy1-b1-u0101").Members[0];
        foreach (var body in new[] { compounds, units, devices, offices })
        {
            body.ShouldNotContain(resident.Name);
            body.ShouldNotContain(resident.Phone);
        }
    }
}
