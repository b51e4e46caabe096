using System.Linq.Expressions;
using System.Text.RegularExpressions;
using DynamicExpresso;
using DynamicExpresso.Exceptions;

namespace Cerebellum.Rules.Expressions;

/// <summary>
/// Parses condition text with DynamicExpresso into typed lambdas over the fact records. The interpreter is
/// built to know nothing: no CLR types (InterpreterOptions without PrimitiveTypes/CommonTypes), no lambdas,
/// no assignment, no reflection; the facts are its only parameters and <see cref="FunctionTable"/> its only
/// functions. <see cref="Sandbox"/> then checks the resulting tree against an allow-list.
/// Not thread-safe; one instance per load.
/// </summary>
internal sealed class ConditionCompiler
{
    private readonly Interpreter interpreter;
    private readonly ParameterExpression[] parameters;

    public ConditionCompiler()
    {
        // SystemKeywords gives the literals true, false and null and nothing else.
        interpreter = new Interpreter(InterpreterOptions.SystemKeywords);
        interpreter.EnableAssignment(AssignmentOperators.None);

        // Numeric casts such as (double)Case.ItemCount; static members of these types are stopped by the sandbox.
        interpreter.Reference(typeof(int), "int");
        interpreter.Reference(typeof(long), "long");
        interpreter.Reference(typeof(double), "double");
        foreach (var (name, function) in FunctionTable.All)
        {
            interpreter.SetFunction(name, function);
        }

        parameters = FactCatalog.Facts.Select(f => Expression.Parameter(f.Type, f.Name)).ToArray();
    }

    public CompiledCondition? Compile(string text, out ConditionError? error)
    {
        Lambda parsed;
        try
        {
            parsed = interpreter.Parse(text, parameters.Select(p => new Parameter(p)).ToArray());
        }
        catch (ParseException e)
        {
            error = ParseErrors.Describe(e, text);
            return null;
        }
        catch (Exception e) when (e is DynamicExpressoException or InvalidOperationException or ArgumentException)
        {
            error = new ConditionError(0, "Cannot parse the condition: " + ParseErrors.Tidy(e.Message));
            return null;
        }

        if (parsed.ReturnType != typeof(bool))
        {
            error = new ConditionError(0, "A condition must be a bool (true/false) expression, but this one is of type "
                + $"{FactCatalog.TypeName(parsed.ReturnType)}.");
            return null;
        }

        if (Sandbox.FindViolation(parsed.Expression) is { } violation)
        {
            error = new ConditionError(FindName(text, violation), ParseErrors.NotAvailable(violation));
            return null;
        }

        error = null;
        return new CompiledCondition(text, ConditionSplitter.Split(parsed.Expression, parameters));
    }

    /// <summary>Offset of a rejected name in the text, preferring a member access (".Name"), else 0.</summary>
    private static int FindName(string text, string name)
    {
        foreach (Match match in Regex.Matches(text, $@"(?<![\w""])(\.?){Regex.Escape(name)}\b"))
        {
            return match.Groups[1].Length > 0 ? match.Index + 1 : match.Index;
        }

        return 0;
    }
}
