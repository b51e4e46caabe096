using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cerebellum.Engine.Exports.Pdf;

/// <summary>A plain A4 report: title, headings, paragraphs, tables, page numbers in the footer. Lines wrap by
/// measured width: between words in Latin text, between any two characters in Chinese.</summary>
public sealed class PdfReportWriter : IDisposable
{
    private const double Margin = 50;
    private const double BodySize = 9.5;
    private readonly PdfDocument document = new();
    private readonly string footer;
    private readonly Dictionary<(bool Cjk, double Size, bool Bold), XFont> fonts = new();
    private XGraphics gfx = null!;
    private PdfPage page = null!;
    private double y;

    public PdfReportWriter(string title, string footer)
    {
        PdfFonts.Use();
        this.footer = footer;
        document.Info.Title = title;
        document.Info.Creator = "Cerebellum 社区小脑";
        NewPage();
    }

    private double Width => page.Width.Point - 2 * Margin;
    private double Bottom => page.Height.Point - Margin - 20;

    public void Title(string text) => Block(text, 16, bold: true, after: 8);
    public void Heading(string text) { Space(6); Block(text, 12, bold: true, after: 4); }
    public void Paragraph(string text) => Block(text, BodySize, bold: false, after: 3);
    public void Space(double points) => y += points;

    /// <summary>A table with a bold header row; widths are fractions of the text width and each cell wraps (and breaks at \n).</summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows)
    {
        Row(headers, widths, bold: true);
        foreach (var row in rows) Row(row, widths, bold: false);
        Space(4);
    }

    private void Row(IReadOnlyList<string> cells, IReadOnlyList<double> widths, bool bold)
    {
        var lines = cells.Select((c, i) => c.Split('\n').SelectMany(p => Wrap(p, widths[i] * Width - 4, BodySize, bold)).ToList()).ToList();
        var height = lines.Max(l => Math.Max(1, l.Count)) * LineHeight(BodySize);
        if (y + height > Bottom) NewPage();
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var lineY = y;
            foreach (var line in lines[i]) { Draw(line, x, lineY, BodySize, bold); lineY += LineHeight(BodySize); }
            x += widths[i] * Width;
        }
        y += height;
        gfx.DrawLine(XPens.LightGray, Margin, y, Margin + Width, y);
        y += 2;
    }

    private void Block(string text, double size, bool bold, double after)
    {
        foreach (var paragraph in text.Split('\n'))
            foreach (var line in Wrap(paragraph, Width, size, bold))
            {
                if (y + LineHeight(size) > Bottom) NewPage();
                Draw(line, Margin, y, size, bold);
                y += LineHeight(size);
            }
        y += after;
    }

    private static double LineHeight(double size) => size * 1.45;

    private void Draw(string line, double x, double top, double size, bool bold)
    {
        foreach (var run in ScriptRuns.Split(line))
        {
            var font = Font(run.IsCjk, size, bold);
            gfx.DrawString(run.Text, font, XBrushes.Black, new XPoint(x, top + size), XStringFormats.Default);
            x += gfx.MeasureString(run.Text, font).Width;
        }
    }

    private double Measure(string text, double size, bool bold) =>
        ScriptRuns.Split(text).Sum(r => gfx.MeasureString(r.Text, Font(r.IsCjk, size, bold)).Width);

    private List<string> Wrap(string text, double width, double size, bool bold)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var token in Tokens(text))
        {
            var candidate = current + token;
            if (current.Length > 0 && Measure(candidate, size, bold) > width)
            {
                lines.Add(current.TrimEnd());
                current = token.TrimStart();
            }
            else current = candidate;
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }

    // A Latin word (with its trailing space) is one token; each Chinese character is its own token.
    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (ScriptRuns.IsCjk(text, i))
            {
                if (i > start) yield return text[start..i];
                var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
                yield return text.Substring(i, length);
                i += length - 1;
                start = i + 1;
            }
            else if (text[i] == ' ')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }
        if (start < text.Length) yield return text[start..];
    }

    private XFont Font(bool cjk, double size, bool bold)
    {
        if (!fonts.TryGetValue((cjk, size, bold), out var font))
            fonts[(cjk, size, bold)] = font = new XFont(cjk ? PdfFonts.Cjk : PdfFonts.Latin, size,
                bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        return font;
    }

    private void NewPage()
    {
        gfx?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
        Draw($"{footer} · {document.PageCount}", Margin, page.Height.Point - Margin + 5, 7.5, bold: false);
    }

    public byte[] ToBytes()
    {
        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        gfx?.Dispose();
        document.Dispose();
    }
}
