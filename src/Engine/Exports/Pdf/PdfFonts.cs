using PdfSharp.Fonts;

namespace Cerebellum.Engine.Exports.Pdf;

/// <summary>The two fonts every PDF of ours uses. PDFsharp 6.2 reads TrueType but not CFF OpenType (Noto CJK) or
/// .ttc collections, so Chinese is drawn with Droid Sans Fallback, which has no Latin glyphs, and everything else
/// with DejaVu Sans: text is drawn in runs (see <see cref="ScriptRuns"/>). Both come from Debian packages
/// (fonts-droid-fallback, fonts-dejavu-core); Cerebellum:Fonts:Directory-style overrides go through
/// <see cref="Use"/>.</summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Cjk = "Cerebellum CJK";
    public const string Latin = "Cerebellum Latin";

    public static readonly string DefaultCjkFile = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
    public static readonly string DefaultLatinFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public static readonly string DefaultLatinBoldFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private static readonly Lock Gate = new();
    private readonly Dictionary<string, byte[]> faces;

    private PdfFonts(string cjk, string latin, string latinBold)
    {
        faces = new()
        {
            [Cjk] = Read(cjk, "fonts-droid-fallback"),
            [Latin] = Read(latin, "fonts-dejavu-core"),
            [Latin + " Bold"] = Read(latinBold, "fonts-dejavu-core"),
        };
    }

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global and cannot change after
    /// the first document is drawn).</summary>
    public static void Use(string? cjk = null, string? latin = null, string? latinBold = null)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PdfFonts) return;
            GlobalFontSettings.FontResolver = new PdfFonts(cjk ?? DefaultCjkFile, latin ?? DefaultLatinFile, latinBold ?? DefaultLatinBoldFile);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Cjk => new FontResolverInfo(Cjk, bold, false), // Droid has no bold face: PDFsharp simulates it
        Latin => new FontResolverInfo(bold ? Latin + " Bold" : Latin),
        _ => null,
    };

    public byte[]? GetFont(string faceName) => faces.GetValueOrDefault(faceName);

    private static byte[] Read(string path, string package) => File.Exists(path)
        ? File.ReadAllBytes(path)
        : throw new FileNotFoundException($"The PDF font {path} is missing: install the Debian package {package}.", path);
}
