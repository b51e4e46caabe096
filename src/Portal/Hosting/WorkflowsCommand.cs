using Cerebellum.Workflows;
using Cerebellum.Workflows.Diagrams;

namespace Cerebellum.Portal.Hosting;

/// <summary>
/// <c>workflows validate|diagram &lt;file&gt; [--lang en]</c>: checks a routing definition, or prints it as
/// Mermaid flowchart text, from the command line, beside <see cref="RulesCommand"/> and like it: before the
/// web host is built, no database, no configuration. Exit codes: 0 good, 2 the definition does not load
/// (or the file cannot be read), 64 bad usage. Rule-pack categories are checked when publishing, not here.
/// </summary>
public static class WorkflowsCommand
{
    public const int Ok = 0;
    public const int Invalid = CommandFile.Invalid;
    public const int Usage = CommandFile.Usage;

    public static bool Handles(IReadOnlyList<string> args) => args.Count > 0 && args[0] == "workflows";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var english = args.Count == 5 && args[1] == "diagram" && args[3] == "--lang" && args[4] == "en";
        var chinese = args.Count == 5 && args[1] == "diagram" && args[3] == "--lang" && args[4] == "zh-CN";
        if (!(args.Count == 3 && args[1] is "validate" or "diagram") && !english && !chinese)
        {
            output.WriteLine("usage: workflows validate <definition.yaml>                  load and validate a routing definition");
            output.WriteLine("       workflows diagram <definition.yaml> [--lang en]      print it as a Mermaid flowchart (zh-CN by default)");
            return Usage;
        }

        var file = args[2];
        if (CommandFile.TryRead(file, output) is not { } text) return Invalid;
        var loaded = RoutingDefinitionLoader.Load(text, file);
        if (!loaded.Succeeded)
        {
            foreach (var diagnostic in loaded.Diagnostics) output.WriteLine(diagnostic);
            output.WriteLine($"{loaded.Diagnostics.Count} error(s): the definition is not valid.");
            return Invalid;
        }

        var definition = loaded.Definition;
        if (args[1] == "diagram")
        {
            output.Write(MermaidFlowchart.Render(definition, english ? DiagramLanguage.En : DiagramLanguage.ZhCn));
            return Ok;
        }

        var categories = definition.IsFallback ? "fallback for every other category" : string.Join(", ", definition.Categories);
        output.WriteLine($"{file}: {definition} is valid ({definition.Tasks.Count} tasks, {definition.Escalation.Count} escalation steps; categories: {categories}).");
        return Ok;
    }
}
