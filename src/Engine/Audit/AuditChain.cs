using System.Security.Cryptography;
using System.Text;

namespace Cerebellum.Engine.Audit;

/// <summary>The hash chain, pure: how a link's hash is computed and where a sequence of links first breaks.</summary>
public static class AuditChain
{
    /// <summary>The hash before the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>SHA-256 (hex) over the previous hash and every field. Each field is length-prefixed so no two
    /// different entries can serialise to the same text (e.g. "ab"+"c" vs "a"+"bc").</summary>
    public static string HashOf(
        long sequence, string actor, string action, Guid? caseId, IReadOnlyList<string> fields, string? purpose,
        string? purposeText, string? detail, DateTimeOffset at, string previousHash)
    {
        var text = new StringBuilder();
        void Put(string? value) => text.Append(value is null ? "-1:" : $"{value.Length}:{value}");
        Put(previousHash);
        Put(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Put(actor);
        Put(action);
        Put(caseId?.ToString("D"));
        Put(fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var field in fields) Put(field);
        Put(purpose);
        Put(purposeText);
        Put(detail);
        Put(at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string HashOf(AuditRecorded e) =>
        HashOf(e.Sequence, e.Actor, e.Action, e.CaseId, e.Fields, e.Purpose, e.PurposeText, e.Detail, e.At, e.PreviousHash);

    /// <summary>Walks the entries in stream order. The first break is a missing or repeated sequence number
    /// (an entry deleted or inserted), a link that does not point at its predecessor's hash, or an entry
    /// whose content no longer matches its own hash (edited).</summary>
    public static AuditVerification Verify(IEnumerable<AuditRecorded> entries)
    {
        var walker = new Walker();
        foreach (var e in entries)
            if (walker.Step(e) is { } broken) return broken;
        return walker.Result();
    }

    public static async ValueTask<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditRecorded> entries, CancellationToken ct)
    {
        var walker = new Walker();
        await foreach (var e in entries.WithCancellation(ct))
            if (walker.Step(e) is { } broken) return broken;
        return walker.Result();
    }

    private sealed class Walker
    {
        private string previous = Genesis;
        private long count;

        public AuditVerification? Step(AuditRecorded e)
        {
            var expected = count + 1;
            if (e.Sequence != expected)
                return AuditVerification.Broken(count, expected, $"entry {expected} is missing (found {e.Sequence} next)");
            if (e.PreviousHash != previous)
                return AuditVerification.Broken(count, e.Sequence, $"entry {e.Sequence} does not link to entry {count}");
            if (HashOf(e) != e.Hash)
                return AuditVerification.Broken(count, e.Sequence, $"entry {e.Sequence} was altered after it was written");
            previous = e.Hash;
            count = e.Sequence;
            return null;
        }

        public AuditVerification Result() => new(true, count, previous, null, null);
    }
}

/// <summary>The outcome of a verification: how many entries are intact, the hash at the end of the intact
/// part (publish it elsewhere to detect truncation later), and where the chain first breaks.</summary>
public sealed record AuditVerification(bool Intact, long IntactCount, string LastHash, long? FirstBrokenSequence, string? Problem)
{
    public static AuditVerification Broken(long intactCount, long at, string problem) =>
        new(false, intactCount, "", at, problem);
}
