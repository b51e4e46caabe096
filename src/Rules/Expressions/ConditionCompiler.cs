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
        catch (ReflectionNotAllowedException)
        {
            // DynamicExpresso's own reflection guard fires before our sandbox; report it the same way.
            error = new ConditionError(Math.Max(FindName(text, "GetType"), 0), ParseErrors.NotAvailable("GetType"));
            return null;
        }
        catch (ParseException e)
        {
            error = ParseErrors.Describe(e, text);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The parser has a few internal failure modes on odd input; they are still the author's to fix.
            error = new ConditionError(0, "Cannot parse the condition: " + ParseErrors.Tidy(e.Message));
            return null;
        }

        var violations = Sandbox.FindViolations(parsed.Expression);
        if (violations.Count > 0)
        {
            var located = violations.FirstOrDefault(v => FindName(text, v) >= 0) ?? violations[0];
            error = new ConditionError(Math.Max(FindName(text, located), 0), ParseErrors.NotAvailable(located));
            return null;
        }

        if (parsed.ReturnType != typeof(bool))
        {
            error = new ConditionError(0, "A condition must be a bool (true/false) expression, but this one is of type "
                + $"{FactCatalog.TypeName(parsed.ReturnType)}.");
            return null;
        }

        error = null;
        return new CompiledCondition(text, ConditionSplitter.Split(parsed.Expression, parameters));
    }

    /// <summary>Offset of the first whole-word occurrence of a rejected name in the text, else -1.</summary>
    private static int FindName(string text, string name)
    {
        var match = Regex.Match(text, $@"(?<![\w""]){Regex.Escape(name)}\b");
        return match.Success ? match.Index : -1;
    }
}
