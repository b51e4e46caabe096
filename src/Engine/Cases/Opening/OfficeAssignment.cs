using Cerebellum.Engine.Policies;
using Cerebellum.Engine.Registry;
using Cerebellum.Rules;
using Cerebellum.Workflows;
using Marten;

namespace Cerebellum.Engine.Cases.Opening;

/// <summary>The routing definition chosen for an assessment and the tasks it gives, each with an office.</summary>
public sealed record Dispatch(IReadOnlyList<OfficeTask> Tasks, string WorkflowId, int WorkflowVersion);

/// <summary>Routes an assessment with the matching routing definition and picks, for each task, the
/// office of that party whose jurisdiction covers the compound. Shared by every kind of intake.</summary>
public static class OfficeAssignment
{
    public static async Task<Dispatch> DispatchAsync(
        IQuerySession session, PolicyCatalog policies, Assessment assessment, Case? current, string compound,
        DateTimeOffset now, CancellationToken ct)
    {
        var definition = policies.Routing.Select(assessment.Category);
        // Tasks are issued when a case is opened or its level rises; a repeat at the same level
        // adds to the case without sending anyone again.
        var levelRose = current?.Level is not { } level || assessment.Level > level;
        var tasks = levelRose
            ? await AssignAsync(session, definition, assessment, compound, now, policies.Calendar, ct)
            : [];
        return new Dispatch(tasks, definition.Id, definition.Version);
    }

    private static async Task<IReadOnlyList<OfficeTask>> AssignAsync(
        IQuerySession session, RoutingDefinition definition, Assessment assessment, string compound,
        DateTimeOffset now, HolidayCalendar calendar, CancellationToken ct)
    {
        var decisions = Router.Dispatch(definition,
            new RoutingInput(assessment.Level, assessment.Category, assessment.Parties), now, calendar);
        if (decisions.Count == 0) return [];

        var offices = await session.Query<Office>().ToListAsync(ct);
        return decisions.Select(d =>
        {
            var office = offices.Where(o => o.Party == d.Party && o.Covers(compound))
                .OrderBy(o => o.Compounds.Count == 0) // a specific jurisdiction beats a catch-all
                .ThenBy(o => o.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            return new OfficeTask(d.TaskKey, d.Party, office?.Id, office?.Name ?? "", d.DueAt, d.SlaText);
        }).ToList();
    }
}
