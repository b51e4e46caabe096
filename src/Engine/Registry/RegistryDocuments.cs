using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Registry;

// Reference data: the community's places, devices and offices. Versioned by the administrator,
// not event-sourced (DESIGN.md: reference data is the one exception to "everything is an event").

public sealed record Community([property: Public] string Id, [property: Public] string Name);

public sealed record Compound([property: Public] string Id, [property: Public] string CommunityId, [property: Public] string Name);

public sealed record Building(
    [property: Public] string Id, [property: Public] string CompoundId, [property: Public] string Name, [property: Public] int Floors);

/// <summary>A flat (户). Number is the door number as residents say it (101室); Floor is the storey it is on.
/// That a flat exists is public (the registry's places are open to everyone signed in); what is internal is which flat a
/// case is about (CaseLocation.Unit), and personal who lives there (Household).</summary>
public sealed record Unit(
    [property: Public] string Id, [property: Public] string BuildingId, [property: Public] string Entrance, [property: Public] string Number,
    [property: Public] int Floor);

/// <summary>A household member. Birth year is personal (it gives age; minors are counted, never listed outside the
/// registry); disability is health data, sensitive (PIPL art. 28).</summary>
public sealed record Person(
    [property: Personal(MaskFormat.Name)] string Name, [property: Personal] int BirthYear, [property: Personal(MaskFormat.Mobile)] string Phone,
    [property: Sensitive] bool Disability);

public sealed record Household(
    [property: Internal] string Id, [property: Internal] string UnitId, [property: Personal] IReadOnlyList<Person> Members,
    [property: Sensitive] bool CareGroup)
{
    // Chinese policy counts people aged 60+ as elderly (老年人权益保障法).
    public const int ElderlyAge = 60;

    public int EldestAge(int year) => Members.Count == 0 ? 0 : Members.Max(m => year - m.BirthYear);
    public bool ElderlyLivingAlone(int year) => Members.Count == 1 && EldestAge(year) >= ElderlyAge;
    public bool HasMinors(int year) => Members.Any(m => year - m.BirthYear < 18);
    public bool HasInfants(int year) => Members.Any(m => year - m.BirthYear < 3);
}

/// <summary>A registered sensor. UnitId is null for devices in common areas (stairwell, lift, garage).
/// The device registry is public like the places; a device id on a case's signal is internal (it names the flat).</summary>
public sealed record Device(
    [property: Public] string Id, [property: Public] string Kind, [property: Public] string Vendor, [property: Public] string CompoundId,
    [property: Public] string? BuildingId, [property: Public] string? UnitId, [property: Public] string Label);

public sealed record Office(
    [property: Public] string Id, [property: Public] Cerebellum.Rules.Party Party, [property: Public] string Name,
    [property: Public] IReadOnlyList<string> Compounds, [property: Internal] string Email)
{
    /// <summary>An office with no listed compounds covers the whole community.</summary>
    public bool Covers(string compoundId) => Compounds.Count == 0 || Compounds.Contains(compoundId);
}
