using System.Linq.Expressions;
using Cerebellum.Rules.Model;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace Cerebellum.Rules.Compilation;

/// <summary>
/// Turns parsed rules into NRules definitions with the RuleModel builder and compiles them once per pack.
/// Each rule gets one pattern per fact it reads, declared under the fact's name, in canonical fact order;
/// each condition part (see <see cref="Expressions.ConditionSplitter"/>) sits on the pattern of the last fact
/// it reads, so NRules can bind every lambda parameter by name to a declaration that is already in scope.
/// </summary>
internal static class SessionFactoryBuilder
{
    // Rules only need to be observed firing (see CompiledRulePack); the action itself does nothing.
    private static readonly LambdaExpression NoOpAction =
        Expression.Lambda(Expression.Empty(), Expression.Parameter(typeof(IContext), "ctx"));

    public static ISessionFactory Build(string packId, IEnumerable<RuleSpec> rules)
    {
        var ruleSet = new RuleSet(packId);
        ruleSet.Add(rules.Select(Define).ToList());
        return new RuleCompiler().Compile([ruleSet]);
    }

    private static IRuleDefinition Define(RuleSpec spec)
    {
        var builder = new RuleBuilder();
        builder.Name(spec.Rule.Id);
        builder.Priority(spec.Rule.Priority);

        var lhs = builder.LeftHandSide();
        var parts = spec.Conditions.SelectMany(c => c.Parts).ToList();
        foreach (var index in parts.SelectMany(p => p.FactIndexes).Distinct().Order())
        {
            var fact = FactCatalog.Facts[index];
            var pattern = lhs.Pattern(fact.Type, fact.Name);
            foreach (var part in parts.Where(p => p.AnchorFact == index))
            {
                pattern.Condition(part.Lambda);
            }
        }

        builder.RightHandSide().Action(NoOpAction);
        return builder.Build();
    }
}
