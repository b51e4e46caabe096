using Cerebellum.Engine.Cases.Tasks;

namespace Cerebellum.Portal.Api.Tasks;

/// <summary>POST /api/v1/cases/{id}/tasks/{taskKey}/accept with {"expectedVersion", "operationId"}: the office claims the task.</summary>
public static class PostAcceptTask
{
    public static void Map(IEndpointRouteBuilder app) => TaskEndpoint.Map<TaskBody>(app, "accept",
        (_, _) => Task.FromResult<(TaskAction?, Dictionary<string, string[]>)>((new TaskAction.Accept(), [])));
}
