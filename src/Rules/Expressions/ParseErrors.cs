using System.Text.RegularExpressions;
using Cerebellum.Rules.Loading;
using DynamicExpresso.Exceptions;

namespace Cerebellum.Rules.Expressions;

/// <summary>Rewrites the parser's messages into ones that tell a rule author what they can write instead.</summary>
internal static partial class ParseErrors
{
    public static ConditionError Describe(ParseException e, string text)
    {
        if (e.InnerException is { } inner && BadOperands().Match(inner.Message) is { Success: true } bad)
        {
            return DescribeOperands(bad, Math.Min(e.Position, text.Length), text);
        }

        return new ConditionError(e.Position, DescribeMessage(e, text));
    }

    private static string DescribeMessage(ParseException e, string text)
    {
        if (e is UnknownIdentifierException unknown)
        {
            var candidates = FactCatalog.Facts.Select(f => f.Name).Concat(FunctionTable.Names);
            return $"Unknown identifier '{unknown.Identifier}'." + NameSuggestions.Hint(unknown.Identifier, candidates)
                + $" Conditions can use the facts {FactCatalog.FactList} and the functions {string.Join(", ", FunctionTable.Names)}.";
        }

        if (e is AssignmentOperatorDisabledException)
        {
            return "Assignment is not allowed in a condition; use '==' to compare.";
        }

        var missing = MissingMember().Match(e.Message);
        if (missing.Success && FactCatalog.Facts.FirstOrDefault(f => f.Type.Name == missing.Groups["type"].Value) is { } fact)
        {
            var member = missing.Groups["member"].Value;
            return $"Unknown member '{member}' of fact '{fact.Name}'."
                + NameSuggestions.Hint(member, fact.Members.Select(m => m.Name)) + $" Valid members: {fact.MemberList}.";
        }

        if (e.Position >= text.TrimEnd().Length)
        {
            return "The condition ends too early: " + Tidy(e.Message);
        }

        return Tidy(e.Message);
    }

    /// <summary>
    /// "The binary operator GreaterThan is not defined for the types 'System.String' and 'System.Int32'": the
    /// parser reports it after the right operand; pointing at the operator itself reads better.
    /// </summary>
    private static ConditionError DescribeOperands(Match bad, int position, string text)
    {
        var symbol = bad.Groups["op"].Value switch
        {
            "Equal" => "==", "NotEqual" => "!=", "GreaterThan" => ">", "GreaterThanOrEqual" => ">=", "LessThan" => "<",
            "LessThanOrEqual" => "<=", "AndAlso" => "&&", "OrElse" => "||", "Add" => "+", "Subtract" => "-",
            "Multiply" => "*", "Divide" => "/", "Modulo" => "%", "And" => "&", "Or" => "|", var other => other,
        };
        var at = Math.Max(text.LastIndexOf(symbol, Math.Max(position - 1, 0), StringComparison.Ordinal), 0);
        var left = ClrName(bad.Groups["left"].Value);
        var right = ClrName(bad.Groups["right"].Value);
        var message = right == "void"
            ? $"Operator '{symbol}' is missing its right-hand operand."
            : $"Operator '{symbol}' cannot be applied to {left} and {right}. Compare text with quoted text (\"smoke\"), numbers with numbers, and combine conditions only with bool values.";
        return new ConditionError(at, message);
    }

    private static string ClrName(string fullName) =>
        fullName == "System.Void" ? "void" : Type.GetType(fullName) is { } type ? FactCatalog.TypeName(type) : fullName;

    public static string NotAvailable(string name) =>
        $"'{name}' is not available in rule expressions. Conditions may use fact members, operators, "
        + $"the string members Length, {string.Join(", ", Sandbox.StringMethods)} "
        + $"and the functions {string.Join(", ", FunctionTable.Names)}.";

    /// <summary>Drops the parser's "(at index N)", which the diagnostic's column already says better.</summary>
    public static string Tidy(string message) => AtIndex().Replace(message, "").Trim().TrimEnd('.') + ".";

    [GeneratedRegex(@"No (property or field|applicable method) '(?<member>\w+)' exists in type '(?<type>\w+)'")]
    private static partial Regex MissingMember();

    [GeneratedRegex(@"binary operator (?<op>\w+) is not defined for the types '(?<left>[\w.]+)' and '(?<right>[\w.]+)'")]
    private static partial Regex BadOperands();

    [GeneratedRegex(@"\s*\(at index \d+\)")]
    private static partial Regex AtIndex();
}
