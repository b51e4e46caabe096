using Cerebellum.Engine.Audit;

namespace Cerebellum.Engine.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 3, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<AuditRecorded> Chain(int count)
    {
        var links = new List<AuditRecorded>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var hash = AuditChain.HashOf(i, "street1", AuditActions.CaseAction, null, [], null, null, $"step {i}", At.AddMinutes(i), previous);
            links.Add(new AuditRecorded(i, "street1", AuditActions.CaseAction, null, [], null, null, $"step {i}", At.AddMinutes(i), previous, hash));
            previous = hash;
        }
        return links;
    }

    [Fact]
    public void An_untouched_chain_is_intact_and_reports_its_last_hash()
    {
        var chain = Chain(4);
        var result = AuditChain.Verify(chain);
        result.Intact.ShouldBeTrue();
        result.IntactCount.ShouldBe(4);
        result.LastHash.ShouldBe(chain[^1].Hash);
    }

    [Fact]
    public void An_edited_entry_is_the_first_break()
    {
        var chain = Chain(5).ToList();
        chain[2] = chain[2] with { Detail = "nothing happened here" };
        var result = AuditChain.Verify(chain);
        result.Intact.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(3);
        result.IntactCount.ShouldBe(2);
        result.Problem!.ShouldContain("altered");
    }

    [Fact]
    public void A_removed_entry_is_reported_as_missing()
    {
        var chain = Chain(5).Where(e => e.Sequence != 4).ToList();
        var result = AuditChain.Verify(chain);
        result.FirstBrokenSequence.ShouldBe(4);
        result.Problem!.ShouldContain("missing");
    }

    [Fact]
    public void A_rewritten_entry_with_a_fresh_hash_still_breaks_the_next_link()
    {
        var chain = Chain(5).ToList();
        var forged = chain[1] with { Detail = "forged" };
        chain[1] = forged with { Hash = AuditChain.HashOf(forged) };
        var result = AuditChain.Verify(chain);
        result.FirstBrokenSequence.ShouldBe(3);
        result.Problem!.ShouldContain("does not link");
    }

    [Fact]
    public void Fields_are_length_prefixed_so_shifting_text_between_them_changes_the_hash()
    {
        var a = AuditChain.HashOf(1, "ab", "c", null, [], null, null, null, At, AuditChain.Genesis);
        var b = AuditChain.HashOf(1, "a", "bc", null, [], null, null, null, At, AuditChain.Genesis);
        a.ShouldNotBe(b);
        AuditChain.HashOf(1, "a", "b", null, ["x"], null, null, null, At, AuditChain.Genesis)
            .ShouldNotBe(AuditChain.HashOf(1, "a", "b", null, [], "x", null, null, At, AuditChain.Genesis));
    }
}
