using Cerebellum.Engine.Privacy;

namespace Cerebellum.Engine.Tests.Privacy;

public sealed class ClearanceTests
{
    private static readonly CaseScope OnCy1 = new("cy1", ["police-cuiyuan", "property-lvcheng"]);

    public static TheoryData<string, string?, string?, string[], DataClass> Viewers => new()
    {
        { "handler", "police-cuiyuan", "police", [], DataClass.Personal },                  // on the case, covers everything
        { "handler", "property-lvcheng", "property", ["cy1"], DataClass.Personal },        // on the case, its compound
        { "handler", "property-lvcheng", "property", ["cy2"], DataClass.Internal },        // on the case, not its compound
        { "handler", "property-jinguanjia", "property", ["cy1"], DataClass.Public },       // not on the case
        { "handler", "street-cuiyuan", "street", [], DataClass.Public },
        { "handler", "health-cuiyuan", "health", [], DataClass.Sensitive },                // health station within jurisdiction
        { "handler", "health-other", "health", ["cy9"], DataClass.Public },                // health station elsewhere
        { "supervisor", "street-cuiyuan", "street", [], DataClass.Personal },              // 督办 chases every case
        { "supervisor", "street-other", "street", ["cy9"], DataClass.Internal },
        { "admin", null, null, [], DataClass.Internal },
        { "auditor", null, null, [], DataClass.Public },
        { "rule-author", null, null, [], DataClass.Public },
    };

    [Theory]
    [MemberData(nameof(Viewers))]
    public void Clearance_on_a_case_follows_role_party_and_jurisdiction(string role, string? office, string? party, string[] compounds, DataClass expected) =>
        Clearances.OnCase(new Viewer(role, office, party, compounds), OnCy1).ShouldBe(expected);

    [Fact]
    public void A_task_waiting_for_an_office_puts_every_office_of_its_party_covering_the_place_on_the_case()
    {
        var scope = new CaseScope("cy1", [], ["street"]);
        Clearances.OnCase(new Viewer("handler", "street-cuiyuan", "street", []), scope).ShouldBe(DataClass.Personal);
        Clearances.OnCase(new Viewer("handler", "street-far", "street", ["cy9"]), scope).ShouldBe(DataClass.Public);
        Clearances.OnCase(new Viewer("handler", "police-cuiyuan", "police", []), scope).ShouldBe(DataClass.Public);
    }

    [Fact]
    public void On_the_registry_staff_see_residents_of_their_jurisdiction()
    {
        Clearances.OnRegistry(new Viewer("admin", null, null, []), "cy1").ShouldBe(DataClass.Sensitive);
        Clearances.OnRegistry(new Viewer("handler", "health-cuiyuan", "health", []), "cy1").ShouldBe(DataClass.Sensitive);
        Clearances.OnRegistry(new Viewer("handler", "police-cuiyuan", "police", []), "cy1").ShouldBe(DataClass.Personal);
        Clearances.OnRegistry(new Viewer("handler", "property-jinguanjia", "property", ["cy2"]), "cy1").ShouldBe(DataClass.Internal);
        Clearances.OnRegistry(new Viewer("auditor", null, null, []), "cy1").ShouldBe(DataClass.Public);
    }
}
