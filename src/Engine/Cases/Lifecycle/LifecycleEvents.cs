namespace Cerebellum.Engine.Cases.Lifecycle;

// Events of a case's life after dispatch. "By" is the portal user (or system actor) who acted.

public sealed record CaseWorkStarted(Guid CaseId, string By, string? Note, DateTimeOffset At);

public sealed record CaseResolved(Guid CaseId, string By, string Note, DateTimeOffset At);

public sealed record CaseClosed(Guid CaseId, string By, string? Note, DateTimeOffset At);

public sealed record CaseReopened(Guid CaseId, string By, string Reason, DateTimeOffset At);

public sealed record CaseCancelled(Guid CaseId, string By, string Reason, DateTimeOffset At);

/// <summary>On the source case: it now lives on inside the target case.</summary>
public sealed record CaseMergedInto(Guid CaseId, Guid TargetCaseId, string By, DateTimeOffset At);

/// <summary>On the target case: the source case's items now belong here.</summary>
public sealed record CaseAbsorbed(Guid CaseId, Guid SourceCaseId, IReadOnlyList<Guid> MovedItemIds, int MovedSignalCount,
    IReadOnlyList<string> MovedDeviceIds, string By, DateTimeOffset At);
