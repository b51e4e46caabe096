using System.Linq.Expressions;

namespace Cerebellum.Rules.Expressions;

/// <summary>
/// Splits a condition's top-level <c>&amp;&amp;</c> chain into parts, each attached to the pattern of the last fact
/// it reads. A part that reads one fact becomes an NRules alpha node, evaluated once per fact and shared by
/// every rule with the same test (e.g. <c>Trigger.Kind == "smoke"</c>), which is what keeps assessment fast
/// with many rules.
/// Splitting would lose C#'s short-circuit order, which matters only for a part that can throw (integer
/// division, a method on a string): such a part is kept together with everything written before it.
/// </summary>
internal static class ConditionSplitter
{
    public static IReadOnlyList<ConditionPart> Split(Expression body, ParameterExpression[] facts)
    {
        var conjuncts = new List<Expression>();
        Flatten(body, conjuncts);

        var parts = new List<ConditionPart>();
        for (var i = 0; i < conjuncts.Count; i++)
        {
            var part = ThrowSafety.CanThrow(conjuncts[i])
                ? conjuncts.Take(i + 1).Aggregate(Expression.AndAlso)
                : conjuncts[i];
            parts.Add(ToPart(part, facts));
        }

        return parts;
    }

    private static void Flatten(Expression node, List<Expression> into)
    {
        if (node is BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } and)
        {
            Flatten(and.Left, into);
            Flatten(and.Right, into);
        }
        else
        {
            into.Add(node);
        }
    }

    private static ConditionPart ToPart(Expression body, ParameterExpression[] facts)
    {
        var used = ParameterFinder.Find(body);

        // A part that reads no fact (e.g. "true") still has to hang off some pattern: the trigger's.
        var indexes = facts.Select((p, i) => (p, i)).Where(x => used.Contains(x.p)).Select(x => x.i).DefaultIfEmpty(0).ToList();
        return new ConditionPart(Expression.Lambda(body, indexes.Select(i => facts[i])), indexes);
    }

    private sealed class ParameterFinder : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> found = [];

        public static HashSet<ParameterExpression> Find(Expression node)
        {
            var finder = new ParameterFinder();
            finder.Visit(node);
            return finder.found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            found.Add(node);
            return node;
        }
    }
}
