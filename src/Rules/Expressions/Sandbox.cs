using System.Linq.Expressions;
using System.Reflection;

namespace Cerebellum.Rules.Expressions;

/// <summary>
/// An allow-list check over a parsed condition. The parser is already configured to know no .NET types, but
/// members of the values it can reach (a string's methods, a record's GetType/ToString/Equals) would still be
/// callable; this walk is what guarantees that only fact members, operators, a few string members and the
/// documented functions end up in a rule.
/// </summary>
internal sealed class Sandbox : ExpressionVisitor
{
    /// <summary>String instance methods that are pure and cheap; all take only string arguments.</summary>
    public static readonly IReadOnlyList<string> StringMethods =
        ["Contains", "StartsWith", "EndsWith", "ToLowerInvariant", "ToUpperInvariant", "Trim"];

    private static readonly HashSet<Type> ValueTypes =
        [typeof(bool), typeof(int), typeof(long), typeof(double), typeof(char), typeof(string), typeof(DateTimeOffset)];

    private static readonly HashSet<ExpressionType> AllowedNodes =
    [
        ExpressionType.AndAlso, ExpressionType.OrElse, ExpressionType.And, ExpressionType.Or, ExpressionType.ExclusiveOr,
        ExpressionType.Not, ExpressionType.Equal, ExpressionType.NotEqual, ExpressionType.LessThan,
        ExpressionType.LessThanOrEqual, ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual,
        ExpressionType.Add, ExpressionType.Subtract, ExpressionType.Multiply, ExpressionType.Divide,
        ExpressionType.Modulo, ExpressionType.Negate, ExpressionType.UnaryPlus, ExpressionType.Convert,
        ExpressionType.Conditional, ExpressionType.Coalesce, ExpressionType.Constant, ExpressionType.Parameter,
        ExpressionType.MemberAccess, ExpressionType.Call, ExpressionType.Invoke, ExpressionType.NewArrayInit,
    ];

    private Sandbox()
    {
    }

    /// <summary>Names of the things that are not allowed, innermost first (for the message and to find a column).</summary>
    private List<string> Violations { get; } = [];

    /// <summary>
    /// Every violation's name. Some are compiler-made nodes that do not appear in the text (a conversion to
    /// object, an enum default argument); the caller reports the first one it can locate.
    /// </summary>
    public static IReadOnlyList<string> FindViolations(Expression body)
    {
        var sandbox = new Sandbox();
        sandbox.Visit(body);
        return sandbox.Violations;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return node;
        }

        // Children first, so the reported violation is the innermost, leftmost one: in
        // Trigger.Kind.Split(",").Length the problem is Split, not the Length of its result.
        var visited = base.Visit(node);
        if (!AllowedNodes.Contains(node.NodeType))
        {
            return Reject(node, node.NodeType.ToString());
        }

        return IsAllowedType(node.Type) || node is ConstantExpression { Value: Delegate or null }
            ? visited
            : Reject(node, FactCatalog.TypeName(node.Type));
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var isFactMember = node.Expression is ParameterExpression parameter
            && FactCatalog.ForType(parameter.Type)?.Member(node.Member.Name) is not null;
        var isStringLength = node.Expression is not null && node.Member.DeclaringType == typeof(string) && node.Member.Name == "Length";
        var visited = base.VisitMember(node);
        return isFactMember || isStringLength ? visited : Reject(node, node.Member.Name);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var onlyStrings = method.GetParameters().All(p => p.ParameterType == typeof(string));
        var allowed = method.DeclaringType == typeof(string) && onlyStrings && (method.IsStatic
            ? method.Name is "Concat" or "Compare" or "Equals" or "op_Equality" or "op_Inequality"
            : StringMethods.Contains(method.Name));
        var visited = base.VisitMethodCall(node);
        return allowed ? visited : Reject(node, method.Name);
    }

    protected override Expression VisitInvocation(InvocationExpression node)
    {
        var visited = base.VisitInvocation(node);
        var trusted = node.Expression is ConstantExpression { Value: Delegate function } && FunctionTable.IsTrusted(function);
        return trusted ? visited : Reject(node, "Invoke");
    }

    protected override Expression VisitConstant(ConstantExpression node) =>
        node.Value is null || ValueTypes.Contains(node.Type) || (node.Value is Delegate d && FunctionTable.IsTrusted(d))
            ? node
            : Reject(node, FactCatalog.TypeName(node.Type));

    protected override Expression VisitParameter(ParameterExpression node) =>
        FactCatalog.ForType(node.Type) is not null ? node : Reject(node, node.Name ?? "parameter");

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var visited = base.VisitBinary(node);
        return IsAllowedOperator(node.Method) ? visited : Reject(node, node.Method!.Name);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var visited = base.VisitUnary(node);
        return IsAllowedOperator(node.Method) ? visited : Reject(node, node.Method!.Name);
    }

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        var visited = base.VisitNewArray(node);
        return node.Type.GetElementType() is { } element && ValueTypes.Contains(element) ? visited : Reject(node, "new");
    }

    // Operators on strings, DateTimeOffset and (since generic math) double compile to op_* methods of those types.
    private static bool IsAllowedOperator(MethodInfo? method) =>
        method is null || (method.DeclaringType is { } type && ValueTypes.Contains(type) && method.Name.StartsWith("op_", StringComparison.Ordinal));

    private static bool IsAllowedType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return ValueTypes.Contains(underlying)
            || FactCatalog.ForType(type) is not null
            || (type.IsArray && ValueTypes.Contains(type.GetElementType()!));
    }

    private Expression Reject(Expression node, string name)
    {
        Violations.Add(name);
        return node;
    }
}
