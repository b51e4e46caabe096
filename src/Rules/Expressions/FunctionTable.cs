namespace Cerebellum.Rules.Expressions;

/// <summary>Delegate types that keep C#'s <c>params</c>, so authors can write <c>In(x, "a", "b", "c")</c>.</summary>
internal delegate bool StringSetPredicate(string value, params string[] options);

/// <summary>The registrations handed to the expression parser; the single list the sandbox trusts.</summary>
internal static class FunctionTable
{
    public static IReadOnlyList<(string Name, Delegate Function)> All { get; } =
    [
        ("Between", new Func<double, double, double, bool>(RuleFunctions.Between)),
        ("In", new StringSetPredicate(RuleFunctions.In)),
        ("ContainsAny", new StringSetPredicate(RuleFunctions.ContainsAny)),
        ("LevelAtLeast", new Func<string, string, bool>(RuleFunctions.LevelAtLeast)),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).Distinct().ToList();

    public static bool IsTrusted(Delegate function) => All.Any(f => ReferenceEquals(f.Function, function));
}
