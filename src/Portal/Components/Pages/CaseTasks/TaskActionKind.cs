using Cerebellum.Engine.Cases.Inbox;

namespace Cerebellum.Portal.Components.Pages.CaseTasks;

/// <summary>The six things a handler does to a task from the case page; the name is the API route's and the test id's.</summary>
public enum TaskActionKind { Accept, Note, HandOff, Assist, Reject, Resolve }

public static class TaskActionKinds
{
    public static string Name(TaskActionKind kind) => kind switch
    {
        TaskActionKind.HandOff => "hand-off",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The actions that make sense in the task's state: nothing once done, accept only before it is accepted.
    /// The engine still decides; a refusal from it is shown with its reason.</summary>
    public static IReadOnlyList<TaskActionKind> For(TaskSummary task) => task.State switch
    {
        "done" => [],
        "accepted" => [TaskActionKind.Note, TaskActionKind.HandOff, TaskActionKind.Assist, TaskActionKind.Reject, TaskActionKind.Resolve],
        _ => Enum.GetValues<TaskActionKind>(),
    };
}
