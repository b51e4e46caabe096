namespace Cerebellum.Engine.Registry;

// Reference data: the community's places, devices and offices. Versioned by the administrator,
// not event-sourced (DESIGN.md: reference data is the one exception to "everything is an event").

public sealed record Community(string Id, string Name);

public sealed record Compound(string Id, string CommunityId, string Name);

public sealed record Building(string Id, string CompoundId, string Name, int Floors);

/// <summary>A flat (户). Number is the door number as residents say it (101室); Floor is the storey it is on.</summary>
public sealed record Unit(string Id, string BuildingId, string Entrance, string Number, int Floor);

public sealed record Person(string Name, int BirthYear, string Phone, bool Disability);

public sealed record Household(string Id, string UnitId, IReadOnlyList<Person> Members, bool CareGroup)
{
    // Chinese policy counts people aged 60+ as elderly (老年人权益保障法).
    public const int ElderlyAge = 60;

    public int EldestAge(int year) => Members.Count == 0 ? 0 : Members.Max(m => year - m.BirthYear);
    public bool ElderlyLivingAlone(int year) => Members.Count == 1 && EldestAge(year) >= ElderlyAge;
    public bool HasMinors(int year) => Members.Any(m => year - m.BirthYear < 18);
    public bool HasInfants(int year) => Members.Any(m => year - m.BirthYear < 3);
}

/// <summary>A registered sensor. UnitId is null for devices in common areas (stairwell, lift, garage).</summary>
public sealed record Device(string Id, string Kind, string Vendor, string CompoundId, string? BuildingId, string? UnitId, string Label);

public sealed record Office(string Id, Cerebellum.Rules.Party Party, string Name, IReadOnlyList<string> Compounds, string Email)
{
    /// <summary>An office with no listed compounds covers the whole community.</summary>
    public bool Covers(string compoundId) => Compounds.Count == 0 || Compounds.Contains(compoundId);
}
