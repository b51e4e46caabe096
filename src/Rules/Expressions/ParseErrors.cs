using System.Text.RegularExpressions;
using Cerebellum.Rules.Loading;
using DynamicExpresso.Exceptions;

namespace Cerebellum.Rules.Expressions;

/// <summary>Rewrites the parser's messages into ones that tell a rule author what they can write instead.</summary>
internal static partial class ParseErrors
{
    public static string Describe(ParseException e, string text)
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

    public static string NotAvailable(string name) =>
        $"'{name}' is not available in rule expressions. Conditions may use fact members, operators, "
        + $"the string members Length, {string.Join(", ", Sandbox.StringMethods)} "
        + $"and the functions {string.Join(", ", FunctionTable.Names)}.";

    /// <summary>Drops the parser's "(at index N)", which the diagnostic's column already says better.</summary>
    public static string Tidy(string message) => AtIndex().Replace(message, "").Trim().TrimEnd('.') + ".";

    [GeneratedRegex(@"No (property or field|applicable method) '(?<member>\w+)' exists in type '(?<type>\w+)'")]
    private static partial Regex MissingMember();

    [GeneratedRegex(@"\s*\(at index \d+\)")]
    private static partial Regex AtIndex();
}
