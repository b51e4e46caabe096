using System.Globalization;
using Cerebellum.Engine.Audit;
using Cerebellum.Engine.Exports.EthicsReview;
using Marten;

namespace Cerebellum.Portal.Hosting;

/// <summary><c>export ethics-review --from 2026-10-01 --to 2026-11-01 [--scope all|&lt;compound&gt;] [--lang zh-CN|en]
/// [--out &lt;dir&gt;] [--db &lt;connection string&gt;]</c>: produces the ethics review pack at once and writes
/// ethics-review.pdf, ethics-review.json and ethics-review.json.sha256. Dates are Beijing dates; --to is exclusive.
/// The export is recorded in the audit trail under the operating-system user. Exit codes: 0 done, 64 bad usage.</summary>
public static class ExportCommand
{
    public const int Done = 0;
    public const int Usage = 64;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static bool Handles(IReadOnlyList<string> args) => args.Count > 0 && args[0] == "export";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IDocumentStore store, TextWriter output, DateTimeOffset now, CancellationToken ct)
    {
        var options = Options(args);
        if (args.Count < 2 || args[1] != EthicsReviewExport.Kind
            || !Date(options, "from", out var from) || !Date(options, "to", out var to)
            || EthicsReviewExport.Check(from, to) is not null)
        {
            output.WriteLine("usage: export ethics-review --from <yyyy-MM-dd> --to <yyyy-MM-dd> [--scope all|<compound>] [--lang zh-CN|en] [--out <dir>] [--db <connection>]");
            output.WriteLine("       dates are Beijing dates, --to exclusive, at most 366 days apart");
            return Usage;
        }
        var scope = options.GetValueOrDefault("scope") ?? EthicsReviewCollector.AllScope;
        var language = options.GetValueOrDefault("lang") ?? "zh-CN";
        var outDir = Directory.CreateDirectory(options.GetValueOrDefault("out") ?? ".").FullName;
        var by = $"cli:{Environment.UserName}";
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await AuditTrail.EnsureStartedAsync(store, now, ct);

        var (json, digest, pdf) = await EthicsReviewExport.ProduceAsync(store, from, to, scope, language, by, now, null, ct);
        await File.WriteAllBytesAsync(Path.Combine(outDir, EthicsReviewExport.PdfName), pdf, ct);
        await File.WriteAllBytesAsync(Path.Combine(outDir, EthicsReviewExport.JsonName), json, ct);
        await File.WriteAllTextAsync(Path.Combine(outDir, EthicsReviewExport.JsonName + ".sha256"), $"{digest}  {EthicsReviewExport.JsonName}\n", ct);
        await using (var session = store.LightweightSession())
        {
            await AuditTrail.RecordAsync(session, new AuditRequest(by, AuditActions.Exported, now,
                Detail: $"{EthicsReviewExport.Kind} produced from the command line: {from:O} – {to:O}, scope {scope}, SHA-256 {digest}"), ct);
            await session.SaveChangesAsync(ct);
        }
        output.WriteLine($"Wrote {EthicsReviewExport.PdfName} and {EthicsReviewExport.JsonName} to {outDir}");
        output.WriteLine($"SHA-256 of the bundle: {digest}");
        return Done;
    }

    private static Dictionary<string, string> Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 2; i + 1 < args.Count; i += 2)
            if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[i + 1];
        return options;
    }

    private static bool Date(Dictionary<string, string> options, string name, out DateTimeOffset at)
    {
        at = default;
        if (!options.TryGetValue(name, out var text)
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Beijing);
        return true;
    }
}
