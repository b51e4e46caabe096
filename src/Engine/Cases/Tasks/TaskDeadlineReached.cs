using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Cases.Tasks;

/// <summary>A durable timer (Wolverine scheduled message, persisted in PostgreSQL) for a task's deadline
/// (<see cref="Step"/> 0) or the escalation step it was scheduled for. Never cancelled: when it fires the
/// case's state decides whether anything happens.</summary>
public sealed record TaskDeadlineReached([property: Public] Guid CaseId, [property: Public] string TaskKey, [property: Public] int Round, [property: Public] int Step);
