using System.Linq.Expressions;

namespace Cerebellum.Rules.Expressions;

/// <summary>One <c>when</c> expression after compilation, split into parts NRules can place independently.</summary>
internal sealed record CompiledCondition(string Text, IReadOnlyList<ConditionPart> Parts);

/// <summary>
/// A lambda whose parameters are named after the facts it reads (NRules binds them to pattern declarations by
/// name), plus the canonical indexes of those facts.
/// </summary>
internal sealed record ConditionPart(LambdaExpression Lambda, IReadOnlyList<int> FactIndexes)
{
    /// <summary>The fact whose pattern carries the part: the last one it reads, so all others are already bound.</summary>
    public int AnchorFact => FactIndexes[^1];
}

/// <summary>Why a condition did not compile, with the offset in the expression text the problem was found at.</summary>
internal sealed record ConditionError(int Offset, string Message);
