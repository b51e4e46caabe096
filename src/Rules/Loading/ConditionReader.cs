using Cerebellum.Rules.Expressions;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Loading;

/// <summary>Reads a rule's <c>when</c>: one expression, or a list of expressions that must all hold.</summary>
internal static class ConditionReader
{
    public static List<CompiledCondition>? Read(YamlNode node, string owner, LoadContext context, ConditionCompiler compiler)
    {
        if (node is YamlMappingNode)
        {
            context.Diagnostics.Add(node, $"'when' of {owner} must be an expression or a list of expressions, not a mapping. "
                + "If the expression contains ': ' or ' #', quote it.");
            return null;
        }

        var scalars = node is YamlScalarNode single ? [single] : YamlValues.ScalarList(node, $"'when' of {owner}", context.Diagnostics);
        if (scalars is null)
        {
            return null;
        }

        if (scalars.Count == 0)
        {
            context.Diagnostics.Add(node, $"'when' of {owner} has no conditions.");
            return null;
        }

        var conditions = new List<CompiledCondition>();
        foreach (var scalar in scalars)
        {
            if (Tagged(scalar, context) || YamlValues.Text(scalar, $"'when' of {owner}", context.Diagnostics) is not { } text)
            {
                continue;
            }

            if (compiler.Compile(text, out var error) is { } condition)
            {
                conditions.Add(condition);
            }
            else
            {
                var (line, column) = ScalarSourceMap.Locate(scalar, error!.Offset, context.Lines);
                context.Diagnostics.Add(line, column, error.Message);
            }
        }

        return conditions.Count == scalars.Count ? conditions : null;
    }

    // "when: !Household.Known" is valid YAML: a tag with an empty value. Say so instead of "is empty".
    private static bool Tagged(YamlScalarNode scalar, LoadContext context)
    {
        if (scalar.Tag.IsEmpty || scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return false;
        }

        context.Diagnostics.Add(scalar, $"YAML reads '{scalar.Tag.Value}' as a tag because it starts with '!'. "
            + "Quote the whole expression, e.g. when: \"!Household.Known\".");
        return true;
    }
}
