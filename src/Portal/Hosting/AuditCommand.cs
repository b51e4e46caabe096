using Cerebellum.Engine.Audit;
using Marten;

namespace Cerebellum.Portal.Hosting;

/// <summary><c>audit verify [--db &lt;connection string&gt;]</c>: walks the audit trail's hash chain and reports the
/// first break. Exit codes: 0 intact, 1 broken, 64 bad usage. Runs on the configured database (GOVERNANCE_DB,
/// ConnectionStrings:Governance) unless --db names another; the web host is built but never started.</summary>
public static class AuditCommand
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int Usage = 64;

    public static bool Handles(IReadOnlyList<string> args) => args.Count > 0 && args[0] == "audit";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IDocumentStore store, TextWriter output, CancellationToken ct)
    {
        if (args.Count < 2 || args[1] != "verify")
        {
            output.WriteLine("usage: audit verify [--db <connection string>]   check the audit trail's hash chain");
            return Usage;
        }
        var result = await AuditTrail.VerifyAsync(store, ct);
        if (result.Intact)
        {
            output.WriteLine($"The audit trail is intact: {result.IntactCount} entries.");
            output.WriteLine($"Last hash: {result.LastHash}");
            output.WriteLine("Keep this hash outside the database (e.g. in the ethics review pack) to detect later truncation.");
            return Intact;
        }
        output.WriteLine($"The audit trail is BROKEN at entry {result.FirstBrokenSequence}: {result.Problem}.");
        output.WriteLine($"Entries 1 to {result.IntactCount} are intact.");
        return Broken;
    }
}
