using System.Text;
using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Policies.Publishing;
using Cerebellum.Engine.Policies.RulePacks;
using Cerebellum.Portal.Accounts;
using Cerebellum.Rules;
using Marten;

namespace Cerebellum.Portal.Api.RulePacks;

/// <summary>Rule authors' HTTP API. Packs travel as their YAML text (Content-Type text/plain or
/// application/yaml): validate, run the pack's tests, save a draft, publish, list versions.</summary>
public static class RulePackEndpoints
{
    public const long MaxPackBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var packs = app.MapGroup("/api/v1/rule-packs").RequireAuthorization(Policies.RuleAuthor);
        packs.MapPost("/validate", async (HttpRequest request, CancellationToken ct) =>
            await ReadAsync(request, ct) is not { } yaml ? TooLarge()
            : Results.Ok(new { valid = RulePackLoader.Load(yaml, "draft.yaml") is { Succeeded: true }, diagnostics = Diagnostics(yaml) }));

        packs.MapPost("/test", async (HttpRequest request, CancellationToken ct) =>
        {
            if (await ReadAsync(request, ct) is not { } yaml) return TooLarge();
            var loaded = RulePackLoader.Load(yaml, "draft.yaml");
            if (!loaded.Succeeded) return Invalid(loaded.Diagnostics);
            var results = loaded.Pack!.RunTests();
            return Results.Ok(new { packId = loaded.Pack.Id, version = loaded.Pack.Version, passed = results.All(r => r.Passed),
                results = results.Select(r => new { r.Name, r.Passed, r.Failure }) });
        });

        packs.MapPost("/publish", async (HttpRequest request, HttpContext http, IDocumentStore store, PolicyCatalog catalog,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (await ReadAsync(request, ct) is not { } yaml) return TooLarge();
            var result = await RulePackPublishing.PublishAsync(store, catalog, yaml, Policies.Actor(http.User), clock.GetUtcNow(), ct);
            return result.Status switch
            {
                PublishStatus.Published => Results.Created($"/api/v1/rule-packs/{result.Pack!.Id}/{result.Pack.Version}",
                    new { packId = result.Pack.Id, version = result.Pack.Version }),
                PublishStatus.Invalid => Invalid(result.Diagnostics),
                PublishStatus.TestsFailed => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "The pack's own tests fail; it was not published.",
                    extensions: new Dictionary<string, object?> { ["failures"] = result.Failures.Select(f => new { f.Name, f.Failure }) }),
                _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a new version.", detail: result.Problem),
            };
        });

        packs.MapGet("/", async (IQuerySession session, PolicyCatalog catalog, PublishedPolicies published, CancellationToken ct) =>
        {
            await published.RefreshAsync(ct); // "in force" on this node, after any publish on another
            return Results.Ok(new
            {
                inForce = new { packId = catalog.RulePack.Id, version = catalog.RulePack.Version },
                published = (await session.Query<PublishedRulePack>().OrderByDescending(p => p.PublishedAt).ToListAsync(ct))
                    .Select(p => new { p.PackId, p.Version, p.TestCount, p.PublishedBy, p.PublishedAt }),
            });
        });

        packs.MapPut("/{id}/draft", async (string id, HttpRequest request, HttpContext http, IDocumentStore store, TimeProvider clock,
            CancellationToken ct) =>
        {
            if (await ReadAsync(request, ct) is not { } yaml) return TooLarge();
            await using var session = store.LightweightSession();
            session.Store(new RulePackDraft(id, yaml, Policies.Actor(http.User), clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
            return Results.Ok(new { id, diagnostics = Diagnostics(yaml) });
        });

        packs.MapGet("/{id}/draft", async (string id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<RulePackDraft>(id, ct) is { } draft
                ? Results.Text(draft.Yaml, "application/yaml", Encoding.UTF8)
                : Problems.Status(StatusCodes.Status404NotFound, $"No draft for pack '{id}'."));

        PostBackTest.Map(packs);
    }

    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxPackBytes) return null;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxPackBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return read > MaxPackBytes ? null : new string(buffer, 0, read);
    }

    private static IResult TooLarge() =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, $"A rule pack is at most {MaxPackBytes} bytes.");

    private static IEnumerable<object> Diagnostics(string yaml) =>
        RulePackLoader.Load(yaml, "draft.yaml").Diagnostics.Select(d => new { d.Line, d.Column, d.Message });

    internal static IResult Invalid(IReadOnlyList<RuleDiagnostic> diagnostics) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "The pack is not valid.",
        extensions: new Dictionary<string, object?> { ["diagnostics"] = diagnostics.Select(d => new { d.Line, d.Column, d.Message }) });
}
