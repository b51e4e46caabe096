using Cerebellum.Engine.Audit;

namespace Cerebellum.Portal.Components.Pages.Audit;

/// <summary>The actions an auditor can filter on, in the order the filter offers them. Each has an
/// AuditAction_{name} resource; an action missing here still shows (by its code) in the list.</summary>
public static class AuditActionNames
{
    public static readonly IReadOnlyList<string> All =
    [
        AuditActions.SensitiveRead, AuditActions.PersonalRead, AuditActions.AnomalyFlagged, AuditActions.CaseAction, AuditActions.Erased,
        AuditActions.Exported, AuditActions.RulePackPublished, AuditActions.RoutingPublished, AuditActions.SignedIn,
        AuditActions.SignInFailed, AuditActions.SignedOut, "trail-started",
    ];
}
