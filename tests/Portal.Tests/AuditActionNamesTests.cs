namespace Cerebellum.Portal.Tests;

/// <summary>Every audit action has a name in both languages: an action added without one would show as a bare code.</summary>
public sealed class AuditActionNamesTests
{
    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.en.resx")]
    public void Every_action_and_purpose_has_a_name_in_the_resources(string file)
    {
        var names = System.Xml.Linq.XDocument.Load(Path.Combine(Cerebellum.Testing.RepoPaths.Root, "src", "Portal", "Resources", file))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var actions = typeof(Cerebellum.Engine.Audit.AuditActions).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        actions.ShouldNotBeEmpty();
        Cerebellum.Portal.Components.Pages.Audit.AuditActionNames.All.ShouldBe(actions.Append("trail-started"), ignoreOrder: true);
        foreach (var action in Cerebellum.Portal.Components.Pages.Audit.AuditActionNames.All) names.ShouldContain($"AuditAction_{action}");
        foreach (var purpose in Cerebellum.Engine.Audit.AccessPurposes.All) names.ShouldContain($"Purpose_{purpose.Code}");
    }
}
