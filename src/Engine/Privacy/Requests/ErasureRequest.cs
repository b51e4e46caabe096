using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;

namespace Cerebellum.Engine.Privacy.Requests;

public enum ErasureRequestStatus { Pending, Done, Rejected }

/// <summary>A resident's request (PIPL art. 47) to erase their personal data on a case, made with their complaint's
/// token or by staff on their behalf; approved or rejected by an administrator or supervisor.</summary>
public sealed class ErasureRequest
{
    [Public] public Guid Id { get; set; }
    [Public] public Guid CaseId { get; set; }
    /// <summary>"resident" (with the complaint token) or the staff member who filed it on the resident's behalf.</summary>
    [Internal] public string RequestedBy { get; set; } = "";
    [Internal(MaskFormat.FreeText)] public string? Reason { get; set; }
    [Public] public DateTimeOffset RequestedAt { get; set; }
    [Public] public ErasureRequestStatus Status { get; set; }
    [Internal] public string? DecidedBy { get; set; }
    [Public] public DateTimeOffset? DecidedAt { get; set; }
    [Internal(MaskFormat.FreeText)] public string? DecisionNote { get; set; }
}

/// <summary>The pure decisions of the request flow.</summary>
public static class ErasureRequestRules
{
    public const int ReasonMaxLength = 1000;

    /// <summary>Why the case's personal data cannot be erased now, or null. An active or resolved case (awaiting the
    /// resident's feedback) still needs them; an erased one has none left.</summary>
    public static string? Refusal(CaseSummary summary) => summary switch
    {
        { ErasureStage: >= 2 } => "The personal data of this case have already been erased.",
        { Status: CaseStatus.Resolved } => "The case is resolved but not closed: it still waits for the resident's feedback (回访). Ask again once it is closed.",
        { IsActive: true } => $"The case is still open ({summary.Status.ToString().ToLowerInvariant()}): its personal data are needed to handle it. Ask again once it is closed.",
        _ => null,
    };

    /// <summary>Why a decision cannot be taken on the request, or null.</summary>
    public static string? DecisionRefusal(ErasureRequest request) =>
        request.Status == ErasureRequestStatus.Pending ? null : $"The request was already decided ({request.Status.ToString().ToLowerInvariant()}).";
}
