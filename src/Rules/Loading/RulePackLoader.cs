using Cerebellum.Rules.Compilation;
using Cerebellum.Rules.Diagnostics;
using Cerebellum.Rules.Loading;
using NRules;

namespace Cerebellum.Rules;

/// <summary>
/// Entry point: pack text in, compiled pack or positioned diagnostics out. The caller reads the file (or the
/// draft from the editor); this library does no I/O. <paramref name="fileName"/> is only used in diagnostics.
/// </summary>
public static class RulePackLoader
{
    /// <summary>Never throws on bad input: everything wrong with the pack comes back as diagnostics.</summary>
    public static RulePackLoadResult Load(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        var diagnostics = new DiagnosticBag(fileName);
        var context = new LoadContext(diagnostics, yamlText);
        try
        {
            var root = YamlDocumentReader.ReadRoot(yamlText, diagnostics);
            var spec = root is null ? null : PackReader.Read(root, context);
            if (spec is null || diagnostics.Count > 0)
            {
                return Failed(diagnostics);
            }

            return new RulePackLoadResult(new CompiledRulePack(spec, SessionFactoryBuilder.Build(spec.Id, spec.Rules)), []);
        }
        catch (RuleCompilationException e)
        {
            // Should not happen after validation; if it does, point at the rule NRules names.
            diagnostics.Add(1, 1, $"Rule '{e.RuleName}' could not be compiled: {e.InnerException?.Message ?? e.Message}");
            return Failed(diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            diagnostics.Add(1, 1, $"Internal error while loading the pack ({e.GetType().Name}): {e.Message}");
            return Failed(diagnostics);
        }
    }

    public static CompiledRulePack LoadOrThrow(string yamlText, string fileName)
    {
        var result = Load(yamlText, fileName);
        return result.Succeeded ? result.Pack! : throw new RulePackLoadException(result.Diagnostics);
    }

    private static RulePackLoadResult Failed(DiagnosticBag diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            diagnostics.Add(1, 1, "The rule pack could not be read.");
        }

        return new RulePackLoadResult(null, diagnostics.ToList());
    }
}
