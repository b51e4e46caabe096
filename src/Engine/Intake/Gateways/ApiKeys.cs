using System.Security.Cryptography;
using System.Text;

namespace Cerebellum.Engine.Intake.Gateways;

/// <summary>API keys are 256-bit random strings, so a plain SHA-256 is enough: there is no
/// dictionary to attack, and a slow password hash would cost every one of 10,000 requests a second.</summary>
public static class ApiKeys
{
    public static string NewKey() => "cbk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Constant-time comparison, so response timing says nothing about how close a guess was.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
