using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Testing;

namespace Cerebellum.Engine.Tests.Complaints;

/// <summary>Submissions checked against the sample service catalogue (samples/open311/services.yaml).</summary>
public sealed class ComplaintValidationTests
{
    private static readonly ServiceCatalogue Catalogue = ServiceCatalogue.LoadFrom(RepoPaths.Samples);
    private static readonly Place Flat = new("cy1", "cy1-b1", "cy1-b1-u0101");

    private static ComplaintSubmission Hazard(params (string Code, string[] Values)[] attributes) => new()
    {
        ServiceCode = "safety-hazard", AddressId = Flat.Unit, Description = "楼道堆满纸箱",
        Attributes = attributes.ToDictionary(a => a.Code, a => a.Values),
    };

    private static List<ComplaintProblem> Check(ComplaintSubmission s) =>
        ComplaintValidation.Validate(s, s.ServiceCode is { } c ? Catalogue.Find(c) : null, s.AddressId is null ? null : Flat);

    [Fact]
    public void The_sample_catalogue_offers_every_complaint_category()
    {
        Catalogue.Services.Select(s => s.Category).Distinct()
            .ShouldBe(["noise", "leak", "parking", "sanitation", "dispute", "safety-hazard", "property-service"], ignoreOrder: true);
        Catalogue.Services.ShouldAllBe(s => s.Name.ZhCn != "" && s.Name.En != "");
    }

    [Fact]
    public void A_multivaluelist_takes_several_known_values() =>
        Check(Hazard(("hazard", ["stairwell-clutter", "exposed-wires"]))).ShouldBeEmpty();

    [Fact]
    public void A_required_attribute_is_required() =>
        Check(Hazard()).Single().Description.ShouldContain("attribute[hazard] is required");

    [Fact]
    public void A_singlevaluelist_takes_one_value()
    {
        var s = new ComplaintSubmission
        {
            ServiceCode = "noise", Lat = "30.29", Long = "120.12",
            Attributes = new Dictionary<string, string[]> { ["noise_source"] = ["music", "pets"] },
        };
        Check(s).Single().Description.ShouldContain("takes one value");
    }

    [Fact]
    public void A_datetime_attribute_must_parse()
    {
        var s = new ComplaintSubmission
        {
            ServiceCode = "property-service", AddressString = "翠苑一区2幢",
            Attributes = new Dictionary<string, string[]> { ["facility"] = ["lift"], ["noticed_at"] = ["last tuesday"] },
        };
        Check(s).Single().Description.ShouldContain("noticed_at");
    }

    [Fact]
    public void An_unknown_service_is_a_404_problem() =>
        Check(new ComplaintSubmission { ServiceCode = "ufo", AddressString = "x" }).Single().Status.ShouldBe(404);

    [Fact]
    public void The_record_keeps_declared_attributes_and_the_category_and_drops_the_rest()
    {
        var s = Hazard(("hazard", ["gas-smell"]), ("secret", ["x"])) with { FirstName = " 小明 ", Phone = "139" };
        var record = ComplaintValidation.ToRecord(s, Catalogue.Find("safety-hazard")!, Flat, "demo-app");

        record.Kind.ShouldBe("safety-hazard");
        record.Attributes.Keys.ShouldBe(["hazard"]);
        record.Contact.ShouldBe(new ResidentContact("小明", null, "139", null));
        record.Location.Registry.ShouldBe(Flat);
        record.Channel.ShouldBe("open311:demo-app");
    }

    [Theory]
    [InlineData("services:\n  - code: a\n    category: noise\n    name: { zh-CN: 甲 }\n    description: { zh-CN: 甲, en: A }\n", "name needs both")]
    [InlineData("services:\n  - code: a\n    category: noise\n    name: { zh-CN: 甲, en: A }\n    description: { zh-CN: 甲, en: A }\n    attributes:\n      - code: x\n        datatype: singlevaluelist\n        description: { zh-CN: 甲, en: A }\n", "need values")]
    [InlineData("services:\n  - code: a\n    category: noise\n    name: { zh-CN: 甲, en: A }\n    description: { zh-CN: 甲, en: A }\n    attributes:\n      - code: x\n        datatype: colour\n        description: { zh-CN: 甲, en: A }\n", "datatype is one of")]
    [InlineData("services:\n  - code: a\n    name: { zh-CN: 甲, en: A }\n    description: { zh-CN: 甲, en: A }\n", "no category")]
    public void A_broken_catalogue_names_the_service_and_the_mistake(string yaml, string message) =>
        Should.Throw<InvalidDataException>(() => ServiceCatalogueReader.Parse(yaml, "services.yaml")).Message.ShouldContain(message);
}
