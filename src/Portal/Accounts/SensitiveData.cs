using System.Security.Claims;
using Cerebellum.Engine.Intake.HealthReports;

namespace Cerebellum.Portal.Accounts;

/// <summary>DESIGN.md privacy model: health details are sensitive; by default only the health station
/// sees them. Everyone else sees that a report exists and its kind, not who or what.</summary>
public static class SensitiveData
{
    public const string Withheld = "[withheld: sensitive health data]";

    public static bool MaySeeHealthDetails(ClaimsPrincipal user) => user.HasClaim(Policies.PartyClaim, "health");

    public static object ForViewer(object eventData, ClaimsPrincipal user) => eventData switch
    {
        HealthReportAttached h when !MaySeeHealthDetails(user) => h with { Sensitive = new HealthDetails(Withheld, Withheld) },
        _ => eventData,
    };
}
