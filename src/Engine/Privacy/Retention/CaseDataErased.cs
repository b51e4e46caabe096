namespace Cerebellum.Engine.Privacy.Retention;

/// <summary>On the case stream: the case's data of class <see cref="From"/> and above were erased from the event store
/// and every document (<see cref="Erasure"/>). <see cref="Reason"/> is "retention" or "resident-request";
/// <see cref="RequestId"/> names the resident's erasure request when there was one.</summary>
public sealed record CaseDataErased(
    [property: Public] Guid CaseId, [property: Public] DataClass From, [property: Public] string Reason, [property: Internal] string By,
    [property: Public] Guid? RequestId, [property: Public] int EventsMasked, [property: Public] DateTimeOffset At);
