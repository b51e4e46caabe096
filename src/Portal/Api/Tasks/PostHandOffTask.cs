using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Api.Tasks;

/// <summary>POST …/tasks/{taskKey}/hand-off with {"expectedVersion", "operationId", "toOfficeId", "reason"}: 转派 to
/// another office (GET /api/v1/registry/offices lists them); the deadline does not change.</summary>
public static class PostHandOffTask
{
    public sealed class Body : TaskBody
    {
        public string? ToOfficeId { get; set; }
        public string? Reason { get; set; }
    }

    public static void Map(IEndpointRouteBuilder app) => TaskEndpoint.Map<Body>(app, "hand-off", async (body, session) =>
    {
        var errors = new Dictionary<string, string[]>();
        var reason = TaskEndpoint.Text(body.Reason, "reason", "Say why the task moves (reason).", errors);
        if (string.IsNullOrWhiteSpace(body.ToOfficeId) || body.ToOfficeId.Length > 128)
            errors["toOfficeId"] = ["Name the office that takes the task (toOfficeId)."];
        else if (await session.LoadAsync<Office>(body.ToOfficeId) is null)
            errors["toOfficeId"] = [$"There is no office '{body.ToOfficeId}'."];
        return (new TaskAction.HandOff(body.ToOfficeId ?? "", reason), errors);
    });
}
