using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Engine.CityBrain.Entities;

/// <summary>Building-level places from the registry. A case's own labels are not used: for unregistered
/// places they can hold an address as a resident wrote it. A building the registry does not know is not named.</summary>
public static class FeedPlaces
{
    public static async Task<Dictionary<string, FeedPlace>> LoadAsync(
        IQuerySession session, IEnumerable<string> buildingIds, CancellationToken ct)
    {
        var wanted = buildingIds.Where(id => id != "").Distinct().ToArray();
        if (wanted.Length == 0) return [];
        var buildings = await session.LoadManyAsync<Building>(ct, wanted);
        var compounds = (await session.LoadManyAsync<Compound>(ct, buildings.Select(b => b.CompoundId).Distinct().ToArray()))
            .ToDictionary(c => c.Id, c => c.Name);
        return buildings.ToDictionary(b => b.Id,
            b => new FeedPlace(b.Id, compounds.GetValueOrDefault(b.CompoundId, ""), b.Name));
    }
}
