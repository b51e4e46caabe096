namespace Cerebellum.Engine.Policies.Refresh;

/// <summary>Brings one kind of published policy on this node up to date with the database, when
/// <see cref="PolicyRefreshService"/> sees that kind's <see cref="PolicyRevision"/> change (another node
/// published). Register an implementation as a singleton <c>IPolicyReloader</c>; rule packs can join by
/// raising <see cref="PolicyRevision"/> "rule-packs" when publishing and reloading here.</summary>
public interface IPolicyReloader
{
    /// <summary>The <see cref="PolicyRevision"/> id this reloader follows.</summary>
    string Kind { get; }

    Task ReloadAsync(CancellationToken ct);
}
