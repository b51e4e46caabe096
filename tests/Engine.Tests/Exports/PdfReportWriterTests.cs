using Cerebellum.Engine.Exports.Pdf;
using UglyToad.PdfPig;

namespace Cerebellum.Engine.Tests.Exports;

/// <summary>Table cells with line breaks (the case dossier's items: description, then contact) print as separate
/// lines of the same cell, not as one line with a control character in it.</summary>
public sealed class PdfReportWriterTests
{
    [Fact]
    public void A_line_break_in_a_table_cell_starts_a_new_line_in_that_cell()
    {
        using var writer = new PdfReportWriter("test", "footer");
        writer.Table(["时间", "内容"], [0.3, 0.7], [["2026-11-28", "楼道堆物\nContact: 欧阳**"]]);
        using var document = PdfDocument.Open(writer.ToBytes());

        var letters = document.GetPage(1).Letters;
        letters.ShouldNotContain(l => l.Value == "\n");
        var first = letters.First(l => l.Value == "楼");
        var second = letters.First(l => l.Value == "C");
        second.StartBaseLine.Y.ShouldBeLessThan(first.StartBaseLine.Y - 5); // a line further down the page
        Math.Abs(second.StartBaseLine.X - first.StartBaseLine.X).ShouldBeLessThan(1); // in the same column
        letters.First(l => l.Value == "2").StartBaseLine.Y.ShouldBe(first.StartBaseLine.Y, 0.5); // the row starts level
    }
}
