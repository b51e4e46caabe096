using System.Security.Claims;

namespace Cerebellum.Portal.Api.Tasks;

/// <summary>Who may act on a task: the one rule the task API and the case page share.</summary>
public static class TaskActors
{
    /// <summary>Handlers, supervisors and administrators act on cases (Policies.CaseWorker); an auditor only reads.</summary>
    public static bool MayAct(ClaimsPrincipal user) =>
        user.IsInRole("handler") || user.IsInRole("supervisor") || user.IsInRole("admin");

    /// <summary>A handler acts only on tasks held by their own office; a supervisor (督办) on any (null). No office, no tasks.</summary>
    public static string? Office(ClaimsPrincipal user) =>
        user.IsInRole("supervisor") ? null : user.FindFirst("office")?.Value ?? "";

    /// <summary>True when the user may act on a task held by the given office.</summary>
    public static bool MayActOn(ClaimsPrincipal user, string? taskOfficeId) =>
        MayAct(user) && (Office(user) is not { } office || office == taskOfficeId);
}
