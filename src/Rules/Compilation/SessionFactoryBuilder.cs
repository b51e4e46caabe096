using System.Linq.Expressions;
using Cerebellum.Rules.Model;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace Cerebellum.Rules.Compilation;

/// <summary>
/// Turns parsed rules into NRules definitions with the RuleModel builder and compiles them once per pack.
/// Each rule gets one pattern per fact it reads, declared under the fact's name, in canonical fact order;
/// each condition sits on the pattern of the last fact it reads, so NRules can bind every lambda parameter
/// by name to a declaration that is already in scope. Single-fact conditions thereby become alpha nodes that
/// NRules shares between rules.
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
        var factIndexes = spec.Conditions.SelectMany(c => c.FactIndexes).Distinct().Order();
        foreach (var index in factIndexes)
        {
            var fact = FactCatalog.Facts[index];
            var pattern = lhs.Pattern(fact.Type, fact.Name);
            foreach (var condition in spec.Conditions.Where(c => c.AnchorFact == index))
            {
                pattern.Condition(condition.Lambda);
            }
        }

        builder.RightHandSide().Action(NoOpAction);
        return builder.Build();
    }
}
