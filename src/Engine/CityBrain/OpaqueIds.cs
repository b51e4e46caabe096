using System.Security.Cryptography;
using System.Text;

namespace Cerebellum.Engine.CityBrain;

/// <summary>Stable opaque ids for the City Brain: HMAC-SHA256 of the case id under a secret key, so the
/// City Brain can follow one case across updates without learning (or guessing) our case id, and two
/// deployments with different keys cannot be joined on it.</summary>
public sealed class OpaqueIds(string secret)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(secret);

    /// <summary>32 lowercase hex digits (128 bits of the MAC): collision-free in practice, short in URNs.</summary>
    public string For(Guid caseId)
    {
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(caseId.ToString("N")));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
