using Cerebellum.Engine.Cases;

namespace Cerebellum.Engine.Intake.Complaints;

/// <summary>Pure correlation rules for complaints: complaints about the same unit and category within
/// 24 hours attach to the open case (the same party reported five times is one case, not five).</summary>
public static class ComplaintCorrelation
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The finest known place (unit, else building, else the address text as written) and the
    /// category. With no place at all the complaint cannot be matched and gets a key of its own.</summary>
    public static string KeyFor(ComplaintRecord complaint)
    {
        var where = complaint.Location.Registry switch
        {
            { Unit: not "" } p => "unit:" + p.Unit,
            { Building: not "" } p => "building:" + p.Building,
            _ when !string.IsNullOrWhiteSpace(complaint.Location.AddressText) =>
                "address:" + string.Concat(complaint.Location.AddressText.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant(),
            _ => "complaint:" + complaint.Id.ToString("N"),
        };
        return $"complaint|{where}|{complaint.Kind}";
    }

    /// <summary>An open case takes a new complaint only while it is less than 24 hours old; after that
    /// the same problem is a new occurrence and deserves its own case (and its own history count).</summary>
    public static bool Joins(Case open, DateTimeOffset requestedAt) => open.IsActive && requestedAt - open.OpenedAt < Window;
}
