using Marten;

namespace Cerebellum.Engine.Policies.Publishing;

/// <summary>
/// A kind of policy document that rule authors publish as immutable versions in PostgreSQL (rule packs; routing
/// definitions can register theirs the same way). <see cref="PublishedPolicies"/> calls <see cref="RefreshAsync"/>
/// at most once per check interval on each node; it must look up the newest published version cheaply (an indexed
/// query for the version number only) and load and activate the document only when it is newer than the one in force.
/// </summary>
public interface IPublishedPolicy
{
    /// <summary>For logs: "rule pack community-default".</summary>
    string Name { get; }

    Task RefreshAsync(IQuerySession session, CancellationToken ct);
}
