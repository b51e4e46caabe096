using System.Globalization;
using System.Text.RegularExpressions;
using Cerebellum.Engine.Policies;
using Cerebellum.Workflows;
using Cerebellum.Workflows.Diagrams;

namespace Cerebellum.Portal.Api.RoutingDefinitions;

/// <summary>What the routing-definition endpoints share: the route prefix, id checks, how diagnostics travel.</summary>
internal static partial class RoutingDefinitionResults
{
    public const string Prefix = "/api/v1/routing-definitions";
    public const string DraftFileName = "draft.yaml";

    /// <summary>Everything wrong with a text: the loader's diagnostics, then categories the pack in force cannot produce.</summary>
    public static IReadOnlyList<WorkflowDiagnostic> Diagnostics(string yaml, PolicyCatalog policies)
    {
        var loaded = RoutingDefinitionLoader.Load(yaml, DraftFileName);
        return loaded.Succeeded ? CategoryCheck.Against(yaml, DraftFileName, policies.RulePack.Categories) : loaded.Diagnostics;
    }

    public static IEnumerable<object> Shape(IEnumerable<WorkflowDiagnostic> diagnostics) =>
        diagnostics.Select(d => new { d.Line, d.Column, d.Message });

    public static IResult Invalid(IReadOnlyList<WorkflowDiagnostic> diagnostics) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "The routing definition is not valid.",
        detail: diagnostics.Count > 0 ? diagnostics[0].ToString() : null,
        extensions: new Dictionary<string, object?> { ["diagnostics"] = Shape(diagnostics) });

    /// <summary>A route id that cannot be a workflow id is a 400 naming the field, not a lookup.</summary>
    public static IResult? BadId(string id) =>
        WorkflowId().IsMatch(id) ? null : Problems.Field("id", "A workflow id is lowercase letters and digits separated by single hyphens.");

    public static IResult? BadVersion(int version) =>
        version >= 1 ? null : Problems.Field("version", "A version is a whole number of at least 1.");

    /// <summary>The diagram's language follows the request culture (?culture=en or the culture cookie).</summary>
    public static DiagramLanguage Language() =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? DiagramLanguage.ZhCn : DiagramLanguage.En;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex WorkflowId();
}
