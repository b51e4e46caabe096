using Cerebellum.Engine.Cases.Tasks;

namespace Cerebellum.Portal.Api.Tasks;

/// <summary>POST …/tasks/{taskKey}/notes with {"expectedVersion", "operationId", "note"}: a handler's note on the task.</summary>
public static class PostTaskNote
{
    public sealed class Body : TaskBody
    {
        public string? Note { get; set; }
    }

    public static void Map(IEndpointRouteBuilder app) => TaskEndpoint.Map<Body>(app, "notes", (body, _) =>
    {
        var errors = new Dictionary<string, string[]>();
        var note = TaskEndpoint.Text(body.Note, "note", "Write the note (note).", errors);
        return Task.FromResult<(TaskAction?, Dictionary<string, string[]>)>((new TaskAction.Note(note), errors));
    });
}
