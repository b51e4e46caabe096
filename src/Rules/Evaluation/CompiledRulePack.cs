using System.Collections.Concurrent;
using Cerebellum.Rules.Evaluation;
using Cerebellum.Rules.Model;
using NRules;

namespace Cerebellum.Rules;

/// <summary>
/// A validated pack compiled to an NRules session factory. Immutable and safe to share: every
/// <see cref="Assess"/> call uses a session of its own, so any number of threads may assess at once.
/// </summary>
public sealed class CompiledRulePack
{
    private readonly ISessionFactory sessionFactory;
    private readonly Dictionary<string, RuleSpec> rulesById;
    private readonly IReadOnlyList<PackTestSpec> tests;
    private readonly ConcurrentBag<PooledSession> sessions = [];

    internal CompiledRulePack(PackSpec spec, ISessionFactory sessionFactory)
    {
        this.sessionFactory = sessionFactory;
        Id = spec.Id;
        Version = spec.Version;
        Title = spec.Title;
        Categories = spec.Categories;
        Defaults = spec.Defaults;
        Rules = spec.Rules.Select(r => r.Rule).ToList();
        rulesById = spec.Rules.ToDictionary(r => r.Rule.Id);
        tests = spec.Tests;
    }

    public string Id { get; }

    public int Version { get; }

    public LocalizedText Title { get; }

    public IReadOnlyList<string> Categories { get; }

    public PackDefaults Defaults { get; }

    /// <summary>The rules in file order.</summary>
    public IReadOnlyList<PackRule> Rules { get; }

    public int TestCount => tests.Count;

    public Assessment Assess(AssessmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var values = FactCatalog.Values(facts);
        if (Array.IndexOf(values, null) is var missing and >= 0)
        {
            throw new ArgumentException($"Fact '{FactCatalog.Facts[missing].Name}' is null; pass a default record instead.", nameof(facts));
        }

        // A session is single-threaded; the factory is the shared, thread-safe part. Creating a session is a third
        // of an assessment's cost (node memories, agenda), so sessions are pooled: a session goes back only once
        // its facts are retracted and its agenda is empty, i.e. exactly as a new one would be.
        var pooled = sessions.TryTake(out var taken) ? taken : new PooledSession(sessionFactory);
        Assessment assessment;
        try
        {
            pooled.Session.InsertAll(values);
            pooled.Session.Fire();
            assessment = OutcomeCombiner.Combine(Id, Version, Defaults, pooled.Recorder.Fired.Select(id => rulesById[id]));
        }
        catch (RuleExecutionException e)
        {
            // Not returned to the pool: a failed fire may leave facts or activations behind.
            throw new RuleEvaluationException(Id, Version, e.InnerException?.Message ?? e.Message, e, FailingRules(values));
        }

        if (pooled.TryReset(values)) sessions.Add(pooled);
        return assessment;
    }

    /// <summary>
    /// Which rules hold the condition that threw. Found by replaying the (deterministic) assessment with NRules'
    /// failure event subscribed, so the hot path pays nothing for a diagnosis only failures need.
    /// </summary>
    private IReadOnlyList<string> FailingRules(object[] values)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var session = sessionFactory.CreateSession();
        session.Events.LhsExpressionFailedEvent += (_, args) =>
        {
            foreach (var rule in args.Rules)
            {
                ids.Add(rule.Name);
            }
        };
        try
        {
            session.InsertAll(values);
            session.Fire();
        }
        catch (RuleExecutionException)
        {
            // Expected: the same condition throws again; the handler has already seen it.
        }

        return Rules.Select(r => r.Id).Where(ids.Contains).ToList();
    }

    /// <summary>Runs the tests written in the pack; a pack is publishable only when all pass.</summary>
    public IReadOnlyList<PackTestResult> RunTests() => tests.Select(t => PackTestRunner.Run(this, t)).ToList();
}
