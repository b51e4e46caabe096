using Cerebellum.Engine.Registry.Importing;

namespace Cerebellum.Engine.Tests.Registry;

public sealed class Rfc4180ReaderTests
{
    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        var csv = Rfc4180Reader.Read("\uFEFFid,name\r\ncy1-b1,\"1幢, \"\"东\"\"\r\n楼\"\r\ncy1-b2,\"\"\n\ncy1-b3,3幢");
        csv.Error.ShouldBeNull();
        csv.Records.Select(r => r.Fields).ShouldBe(new[]
        {
            new[] { "id", "name" }, ["cy1-b1", "1幢, \"东\"\r\n楼"], ["cy1-b2", ""], ["cy1-b3", "3幢"],
        });
        csv.Records.Select(r => r.Row).ShouldBe([1, 2, 3, 4]);
    }

    [Theory]
    [InlineData("id,name\r\ncy1,\"open", 2, "not closed")]
    [InlineData("id,name\r\ncy1,\"a\"b", 2, "follows a closing quote")]
    [InlineData("id,name\r\ncy1,a\"b", 2, "quote inside an unquoted field")]
    public void Broken_quoting_is_reported_with_its_row(string text, int row, string reason)
    {
        var csv = Rfc4180Reader.Read(text);
        csv.ErrorRow.ShouldBe(row);
        csv.Error!.ShouldContain(reason);
    }

    [Fact]
    // Later errors follow from the unreadable file (its buildings are missing); the first names the cause.
    public void A_quoting_error_in_an_import_names_the_file_and_row()
    {
        var errors = RegistryFiles.Errors(RegistryFiles.With(("buildings.csv", ["id,compoundId,name,floors", "cy1-b1,cy1,\"1幢,6"])));
        errors.First().ShouldSatisfyAllConditions(
            e => e.File.ShouldBe("buildings.csv"), e => e.Row.ShouldBe(2), e => e.Reason.ShouldContain("not closed"));
    }
}
