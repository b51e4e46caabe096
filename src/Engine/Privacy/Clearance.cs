namespace Cerebellum.Engine.Privacy;

/// <summary>Who is looking: their role, their office (if any), its party and the compounds it covers
/// (empty: the whole community).</summary>
public sealed record Viewer(string Role, string? OfficeId, string? Party, IReadOnlyList<string> OfficeCompounds)
{
    public static readonly Viewer Anonymous = new("", null, null, []);

    public bool Covers(string compoundId) => OfficeId is not null && (OfficeCompounds.Count == 0 || OfficeCompounds.Contains(compoundId));
}

/// <summary>What decides a viewer's clearance on one case: where it is, which offices hold a task on it, and which
/// parties hold a task no office has been found for yet (any office of that party covering the place is on the case).</summary>
public sealed record CaseScope(string CompoundId, IReadOnlyCollection<string> OfficeIds, IReadOnlyCollection<string>? UnassignedParties = null);

/// <summary>DESIGN.md privacy model as a pure function: the highest class a viewer sees in full.
/// <list type="bullet">
/// <item>everyone signed in: public;</item>
/// <item>parties on the case (an office with a task on it; supervisors, who chase every case; administrators): internal;</item>
/// <item>those of them whose office covers the case's compound: personal (administrators: not on cases — they run the
/// registry, not the case);</item>
/// <item>health-station staff within their jurisdiction: sensitive, whether or not they hold a task (health details
/// are theirs by default). Everyone else sees sensitive data only through the stated-purpose read.</item>
/// </list></summary>
public static class Clearances
{
    public static DataClass OnCase(Viewer viewer, CaseScope scope)
    {
        if (viewer.Party == "health" && viewer.Role is "handler" or "supervisor" && viewer.Covers(scope.CompoundId))
            return DataClass.Sensitive;
        var party = viewer.Role switch
        {
            "admin" or "supervisor" => true,
            "handler" => viewer.OfficeId is { } office && (scope.OfficeIds.Contains(office)
                || (viewer.Party is { } p && scope.UnassignedParties?.Contains(p) == true && viewer.Covers(scope.CompoundId))),
            _ => false,
        };
        if (!party) return DataClass.Public;
        return viewer.Role != "admin" && viewer.Covers(scope.CompoundId) ? DataClass.Personal : DataClass.Internal;
    }

    /// <summary>Registry reads (households of a compound): administrators keep the registry, care list included
    /// (sensitive); the health station within its jurisdiction sees it too; handlers and supervisors whose office covers
    /// the compound see who lives there (personal: the police at a 3 a.m. smoke alarm need the name and the phone);
    /// other staff see masked names and phones; everyone else public fields only.</summary>
    public static DataClass OnRegistry(Viewer viewer, string compoundId) => viewer.Role switch
    {
        "admin" => DataClass.Sensitive,
        "handler" or "supervisor" when viewer.Party == "health" && viewer.Covers(compoundId) => DataClass.Sensitive,
        "handler" or "supervisor" when viewer.Covers(compoundId) => DataClass.Personal,
        "handler" or "supervisor" => DataClass.Internal,
        _ => DataClass.Public,
    };
}
