using Cerebellum.Engine.Privacy;
using Marten;
using Marten.Schema;

namespace Cerebellum.Engine.Policies.Refresh;

/// <summary>
/// One counter per kind of published policy ("routing-definitions"; rule packs can use "rule-packs"),
/// raised in the same transaction as every publish. It does two jobs for several app nodes on one
/// database: publishes of one kind are serialised (optimistic concurrency on <see cref="Version"/>: of
/// two nodes publishing at once, one fails and retries against the other's result), and other nodes
/// learn that something changed by reading this one small row instead of the published documents.
/// </summary>
public sealed record PolicyRevision([property: Public] string Id, [property: Public] long Revision)
{
    [Version]
    [Public]
    public Guid Version { get; set; }

    /// <summary>Queues the increment of <paramref name="kind"/>'s counter, read as <paramref name="seen"/>
    /// (null: not yet stored). SaveChanges fails if another publish raised it in between.</summary>
    public static void Bump(IDocumentSession session, string kind, PolicyRevision? seen)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (seen is null)
        {
            session.Insert(new PolicyRevision(kind, 1));
            return;
        }

        session.UpdateExpectedVersion(new PolicyRevision(kind, seen.Revision + 1), seen.Version);
    }
}
