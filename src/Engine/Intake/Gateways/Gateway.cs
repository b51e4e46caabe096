using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Intake.Gateways;

/// <summary>A registered sender of signals: an IoT gateway, a vendor's cloud, a bridge. Its id is the
/// <c>source</c> of every signal it sends. Only a hash of its API key is stored: a leaked database
/// does not let anyone post signals.</summary>
public sealed record Gateway(
    [property: Internal] string Id, [property: Internal] string Name, [property: Public] string CommunityId, [property: Internal] string? VendorProfile,
    [property: Internal] string KeyHash);

/// <summary>A gateway as written in samples/gateways/gateways.json; the key is hashed before storage.</summary>
public sealed record GatewayEntry(string Id, string Name, string CommunityId, string? VendorProfile, string ApiKey)
{
    public Gateway ToGateway() => new(Id, Name, CommunityId, VendorProfile, ApiKeys.Hash(ApiKey));
}
