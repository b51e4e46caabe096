using Cerebellum.Engine.Cases.Tasks;

namespace Cerebellum.Portal.Api.Tasks;

/// <summary>POST …/tasks/{taskKey}/reject with {"expectedVersion", "operationId", "reason"}: 退单, the task goes back to
/// the street office covering the compound for re-dispatch.</summary>
public static class PostRejectTask
{
    public sealed class Body : TaskBody
    {
        public string? Reason { get; set; }
    }

    public static void Map(IEndpointRouteBuilder app) => TaskEndpoint.Map<Body>(app, "reject", (body, _) =>
    {
        var errors = new Dictionary<string, string[]>();
        var reason = TaskEndpoint.Text(body.Reason, "reason", "Say why the task is not yours (reason).", errors);
        return Task.FromResult<(TaskAction?, Dictionary<string, string[]>)>((new TaskAction.Reject(reason), errors));
    });
}
