using System.Linq.Expressions;

namespace Cerebellum.Rules.Expressions;

/// <summary>
/// Decides whether evaluating a (sandboxed) expression could throw. Conservative: anything not known to be
/// safe counts as throwing. Fact members are auto-properties; string ==, != and + are null-safe; the rule
/// functions are written to be null-safe; integer division and string instance members are not.
/// </summary>
internal sealed class ThrowSafety : ExpressionVisitor
{
    private bool canThrow;

    public static bool CanThrow(Expression node)
    {
        var check = new ThrowSafety();
        check.Visit(node);
        return check.canThrow;
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var integerDivision = node.NodeType is ExpressionType.Divide or ExpressionType.Modulo
            && node.Type != typeof(double);
        canThrow |= integerDivision || node.NodeType is ExpressionType.AddChecked or ExpressionType.SubtractChecked
            or ExpressionType.MultiplyChecked;
        return base.VisitBinary(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        canThrow |= node.NodeType is ExpressionType.ConvertChecked or ExpressionType.NegateChecked;
        return base.VisitUnary(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        // string.Length on a null string throws; fact members are plain auto-properties.
        canThrow |= node.Member.DeclaringType == typeof(string);
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        canThrow |= !node.Method.IsStatic;
        return base.VisitMethodCall(node);
    }
}
