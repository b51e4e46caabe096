using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.RulePacks;
using Cerebellum.Engine.Policies.RulePacks.BackTesting;
using Cerebellum.Rules;
using Cerebellum.Rules.BackTesting;
using Marten;

namespace Cerebellum.Portal.Api.RulePacks;

/// <summary>The body of <c>POST /api/v1/rule-packs/backtest</c>: the pack's text, or the id of a saved draft, and the range.</summary>
public sealed class BackTestRequest
{
    public string? Pack { get; set; }
    public string? Draft { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}

/// <summary>
/// What a pack (usually a draft) would have changed over a range of recorded history: level transitions, category
/// changes, rule differences and the cases that would change. Reads only; nothing is stored.
/// </summary>
public static class PostBackTest
{
    public static void Map(RouteGroupBuilder packs) => packs.MapPost("/backtest", async (HttpRequest request, IDocumentStore store,
        PolicyCatalog catalog, CancellationToken ct) =>
    {
        var (body, problem) = await JsonBody.ReadAsync<BackTestRequest>(request, ct, 2 * RulePackEndpoints.MaxPackBytes);
        if (problem is not null) return problem;
        var errors = new Dictionary<string, string[]>();
        if (!BackTestDates.TryParse(body!.From, out var from)) errors["from"] = [DateMessage("from")];
        if (!BackTestDates.TryParse(body.To, out var to)) errors["to"] = [DateMessage("to")];
        if (errors.Count == 0 && BackTestRange.Problem(from, to) is { } range) errors[range.Field] = [range.Message];
        if ((body.Pack is null) == (body.Draft is null)) errors["pack"] = ["Send either 'pack' (the pack's YAML text) or 'draft' (a saved draft's pack id)."];
        if (body.Pack?.Length > RulePackEndpoints.MaxPackBytes) errors["pack"] = [$"A rule pack is at most {RulePackEndpoints.MaxPackBytes} bytes."];
        if (errors.Count > 0) return Problems.Fields(errors);

        var yaml = body.Pack;
        if (body.Draft is { } draftId)
        {
            await using var session = store.QuerySession();
            if (await session.LoadAsync<RulePackDraft>(draftId, ct) is not { } draft)
                return Problems.Field("draft", $"No draft for pack '{draftId}'.", StatusCodes.Status404NotFound);
            yaml = draft.Yaml;
        }
        var loaded = RulePackLoader.Load(yaml!, body.Draft is null ? "pack.yaml" : $"draft {body.Draft}");
        if (!loaded.Succeeded) return RulePackEndpoints.Invalid(loaded.Diagnostics);

        var report = await new RulePackBackTest(store, catalog.Calendar).RunAsync(loaded.Pack!, from, to, ct);
        return Results.Ok(Shape(report));
    });

    private static string DateMessage(string field) =>
        $"'{field}' must be a date (2026-10-01, midnight in Asia/Shanghai) or an ISO 8601 instant with an offset.";

    private static object Shape(BackTestReport r) => new
    {
        r.PackId, r.PackVersion, r.From, r.To, r.ItemsAssessed, r.CasesExamined, r.CasesChanged, r.FactsCompared, r.FactsReproduced,
        levelTransitions = r.LevelTransitions, categoryChanges = r.CategoryChanges, ruleDifferences = r.RuleDifferences,
        affected = r.Affected.Select(c => new
        {
            c.CaseId, c.Kind, c.Place, c.Items,
            recorded = Outcome(c.Recorded), @new = Outcome(c.New), c.RulesAdded, c.RulesRemoved,
        }),
    };

    private static object Outcome(CaseOutcome o) => new { level = o.LevelName, o.Category, rules = o.FiredRuleIds, o.Failures };
}
