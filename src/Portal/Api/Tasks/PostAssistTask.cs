using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Rules;

namespace Cerebellum.Portal.Api.Tasks;

/// <summary>POST …/tasks/{taskKey}/assist with {"expectedVersion", "operationId", "party", "reason"}: 协办, the party
/// (police, property, street, health, resident) gets its own task, with the office covering the compound.</summary>
public static class PostAssistTask
{
    public sealed class Body : TaskBody
    {
        public string? Party { get; set; }
        public string? Reason { get; set; }
    }

    public static void Map(IEndpointRouteBuilder app) => TaskEndpoint.Map<Body>(app, "assist", (body, _) =>
    {
        var errors = new Dictionary<string, string[]>();
        var reason = TaskEndpoint.Text(body.Reason, "reason", "Say what help is needed (reason).", errors);
        // Names only: Enum.TryParse would also take "3".
        var party = Enum.GetValues<Party>().Where(p => p.ToString().Equals(body.Party, StringComparison.OrdinalIgnoreCase)).ToList();
        if (party.Count == 0) errors["party"] = ["party is one of police, property, street, health, resident."];
        TaskAction? action = party.Count == 0 ? null : new TaskAction.Assist(party[0], reason);
        return Task.FromResult((action, errors));
    });
}
