using Cerebellum.Engine.Cases.Tasks;

namespace Cerebellum.Portal.Api.Tasks;

/// <summary>POST …/tasks/{taskKey}/resolve with {"expectedVersion", "operationId", "outcome"}: the task's work is done;
/// the last open task resolves the case when the definition's closure requires all tasks done.</summary>
public static class PostResolveTask
{
    public sealed class Body : TaskBody
    {
        public string? Outcome { get; set; }
    }

    public static void Map(IEndpointRouteBuilder app) => TaskEndpoint.Map<Body>(app, "resolve", (body, _) =>
    {
        var errors = new Dictionary<string, string[]>();
        var outcome = TaskEndpoint.Text(body.Outcome, "outcome", "Say what was done (outcome).", errors);
        return Task.FromResult<(TaskAction?, Dictionary<string, string[]>)>((new TaskAction.Resolve(outcome), errors));
    });
}
