namespace Cerebellum.Engine.Registry.Importing;

/// <summary>What is already registered, as far as checking references needs: an import may refer to
/// records stored earlier (a devices.csv on its own points at units already there).</summary>
public sealed record RegistrySnapshot(
    IReadOnlySet<string> Communities,
    IReadOnlyDictionary<string, string> CompoundCommunity,
    IReadOnlyDictionary<string, Building> Buildings,
    IReadOnlyDictionary<string, string> UnitBuilding,
    IReadOnlyDictionary<string, string>? HouseholdOfUnit = null)
{
    public static readonly RegistrySnapshot Empty = new(
        new HashSet<string>(), new Dictionary<string, string>(), new Dictionary<string, Building>(), new Dictionary<string, string>());
}
