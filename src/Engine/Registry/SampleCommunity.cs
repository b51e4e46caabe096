using System.Text.Json;
using Cerebellum.Engine.Accounts;
using Marten;

namespace Cerebellum.Engine.Registry;

/// <summary>The registry file format (samples/community/community.json) and its first-start load.</summary>
public sealed record CommunityFile(
    Community Community,
    IReadOnlyList<Compound> Compounds,
    IReadOnlyList<Building> Buildings,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Household> Households,
    IReadOnlyList<Device> Devices,
    IReadOnlyList<Office> Offices,
    IReadOnlyList<DemoAccount> Accounts);

/// <summary>A sign-in as written in the sample file; the password is hashed before storage.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, string? OfficeId, string Password);

public static class SampleCommunity
{
    public static CommunityFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<CommunityFile>(stream, Serialization.Json)
               ?? throw new InvalidDataException($"{path}: empty registry file");
    }

    /// <summary>Loads the file unless a community is already registered, so restarts keep edits.</summary>
    public static async Task<bool> LoadIfEmptyAsync(IDocumentStore store, string path, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<Community>().AnyAsync(ct)) return false;

        var file = Read(path);
        session.Store(file.Community);
        session.Store(file.Compounds.ToArray());
        session.Store(file.Buildings.ToArray());
        session.Store(file.Units.ToArray());
        session.Store(file.Households.ToArray());
        session.Store(file.Devices.ToArray());
        session.Store(file.Offices.ToArray());
        session.Store(file.Accounts.Select(PortalUser.FromDemo).ToArray());
        await session.SaveChangesAsync(ct);
        return true;
    }
}
