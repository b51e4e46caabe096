using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.HealthReports;
using Cerebellum.Engine.Privacy;
using Cerebellum.Engine.Privacy.Retention;
using Cerebellum.Engine.Registry;

namespace Cerebellum.Engine.Tests.Privacy;

/// <summary>No field reaches storage without a class: every document type registered in the Marten store and every
/// event type of the engine, walked into nested records.</summary>
[Collection(nameof(EngineCollection))]
public sealed class ClassificationCoverageTests(EngineFixture fixture)
{
    [Fact]
    public void Every_stored_field_has_a_data_class()
    {
        var roots = StoredTypes.Documents(fixture.Store).Concat(StoredTypes.Events(fixture.Store)).Distinct().ToList();
        var missing = Classification.Unclassified(roots);
        missing.ShouldBeEmpty(
            "These stored fields have no data class (docs/privacy.md, DESIGN.md privacy model). Declare one on each property, " +
            "next to the type: [property: Public] / [property: Internal] / [property: Personal(MaskFormat.Name)] / " +
            "[property: Sensitive] on a positional record's parameter, or [Public] etc. on a class property " +
            "(using Cerebellum.Engine.Privacy;). Public: category, level, building, times, counts. Internal: case text " +
            "(MaskFormat.FreeText), unit numbers (MaskFormat.Unit), staff ids. Personal: names, phones, household members. " +
            "Sensitive: health details, minors, ID numbers, whereabouts. Missing:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void The_walk_finds_the_types_that_matter()
    {
        var documents = StoredTypes.Documents(fixture.Store);
        documents.ShouldContain(typeof(CaseSummary));
        documents.ShouldContain(typeof(ComplaintRecord));
        documents.ShouldContain(typeof(HealthReportRecord));
        documents.ShouldContain(typeof(Household));
        var events = StoredTypes.Events(fixture.Store);
        events.ShouldContain(typeof(CaseOpened));
        events.ShouldContain(typeof(HealthReportAttached));
        events.ShouldContain(typeof(CaseDataErased));
        events.ShouldContain(typeof(Cerebellum.Engine.Audit.AuditRecorded));
    }

    [Fact]
    public void An_unclassified_field_is_reported_with_its_type_and_name()
    {
        Classification.Unclassified([typeof(Unclassified)]).ShouldBe([$"{typeof(Unclassified).FullName}.Secret"]);
    }

    [Fact]
    public void The_classes_of_personal_and_sensitive_fields_are_the_ones_the_design_names()
    {
        Classification.FieldsFrom(typeof(HealthReportAttached), DataClass.Sensitive)
            .ShouldBe(["healthReportAttached.sensitive.subject", "healthReportAttached.sensitive.details"]);
        Classification.FieldsFrom(typeof(ComplaintRecord), DataClass.Personal).ShouldBe(
            ["complaintRecord.contact.firstName", "complaintRecord.contact.lastName", "complaintRecord.contact.phone",
             "complaintRecord.contact.email", "complaintRecord.mediaUrl", "complaintRecord.deviceId", "complaintRecord.accountId"],
            ignoreOrder: true);
        Classification.Highest(typeof(CaseSummary)).ShouldBe(DataClass.Internal);
    }

    public sealed record Unclassified([property: Public] string Open, string Secret);
}
