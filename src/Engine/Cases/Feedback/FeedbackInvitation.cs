using System.Security.Cryptography;
using System.Text;

namespace Cerebellum.Engine.Cases.Feedback;

/// <summary>
/// What a feedback link opens. Stored under the SHA-256 of the token, never the token itself: the database
/// alone cannot answer for a resident. Holds only what the resident may see (public-class facts and the
/// resolution note), copied when the request was made.
/// </summary>
public sealed class FeedbackInvitation
{
    public string Id { get; set; } = "";
    public Guid CaseId { get; set; }
    public Guid RequestId { get; set; }
    public string Category { get; set; } = "";
    public string BuildingLabel { get; set; } = "";
    public string ResolutionNote { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>Feedback tokens: 256 random bits, URL-safe; looked up by hash.</summary>
public static class FeedbackToken
{
    /// <summary>Longer input is not a token: refused before hashing, so a huge path costs nothing.</summary>
    public const int MaxLength = 64;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksValid(string? token) => token is { Length: > 0 and <= MaxLength };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
