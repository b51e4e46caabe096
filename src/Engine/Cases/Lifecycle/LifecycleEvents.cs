using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Cases.Lifecycle;

// Events of a case's life after dispatch. "By" is the portal user (or system actor) who acted.

public sealed record CaseWorkStarted([property: Public] Guid CaseId, [property: Internal] string By, [property: Internal(MaskFormat.FreeText)] string? Note, [property: Public] DateTimeOffset At);

public sealed record CaseResolved([property: Public] Guid CaseId, [property: Internal] string By, [property: Internal(MaskFormat.FreeText)] string Note, [property: Public] DateTimeOffset At);

public sealed record CaseClosed([property: Public] Guid CaseId, [property: Internal] string By, [property: Internal(MaskFormat.FreeText)] string? Note, [property: Public] DateTimeOffset At);

public sealed record CaseReopened([property: Public] Guid CaseId, [property: Internal] string By, [property: Internal(MaskFormat.FreeText)] string Reason, [property: Public] DateTimeOffset At);

public sealed record CaseCancelled([property: Public] Guid CaseId, [property: Internal] string By, [property: Internal(MaskFormat.FreeText)] string Reason, [property: Public] DateTimeOffset At);

/// <summary>On the source case: it now lives on inside the target case.</summary>
public sealed record CaseMergedInto([property: Public] Guid CaseId, [property: Public] Guid TargetCaseId, [property: Internal] string By, [property: Public] DateTimeOffset At);

/// <summary>On the target case: the source case's items now belong here.</summary>
public sealed record CaseAbsorbed([property: Public] Guid CaseId, [property: Public] Guid SourceCaseId, [property: Public] IReadOnlyList<Guid> MovedItemIds, [property: Public] int MovedSignalCount,
    [property: Internal(MaskFormat.Unit)] IReadOnlyList<string> MovedDeviceIds, [property: Internal] string By, [property: Public] DateTimeOffset At);
